// Display helpers shared by the lifecycle's server and client components.

/** "6 d 4 h", "3 h 12 min", "45 s": how long until `ms` runs out. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return "0 s";
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min`;
  return `${s} s`;
}

export const shortDate = (iso: string) => (iso ? new Date(iso).toISOString().slice(0, 10) : "");
export const dateTime = (iso: string) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "");
