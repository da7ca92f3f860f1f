// Small display helpers of the conversation column.

export function timeAgo(iso: string, now = Date.now()): string {
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(s)) return "";
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  if (s < 7 * 86_400) return `${Math.round(s / 86_400)} d ago`;
  return new Date(iso).toISOString().slice(0, 10);
}

export const fullTime = (iso: string) => new Date(iso).toLocaleString();

/** Initials for an avatar without an image. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("") || "?";

/** "The reply failed: <why>." — one full stop, whether or not the reason brings its own. */
export function failureNote(error: string | null): string {
  const why = error?.trim();
  if (!why) return "The reply failed.";
  return `The reply failed: ${why}${/[.!?…]$/.test(why) ? "" : "."}`;
}
