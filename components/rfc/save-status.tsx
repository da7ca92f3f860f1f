import type { SaveStatus } from "@/lib/rfc-view/flush-scheduler";

const LOOK: Record<SaveStatus, { text: string; dot: string }> = {
  saved: { text: "Saved", dot: "bg-emerald-500" },
  unsaved: { text: "Unsaved changes", dot: "bg-amber-500" },
  saving: { text: "Saving…", dot: "bg-sky-500 animate-pulse" },
  conflict: { text: "Conflict", dot: "bg-rose-600" },
  error: { text: "Not saved — retrying", dot: "bg-rose-500" },
};

/** §8.11 where the user's edits are: Saved · Saving… · Unsaved changes · Conflict. */
export function SaveStatusBadge({ status, error }: { status: SaveStatus; error?: string | null }) {
  const l = LOOK[status];
  return (
    <span role="status" aria-live="polite" className="inline-flex items-center gap-1.5 text-xs text-slate-600" title={error ?? undefined} data-save-status={status}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${l.dot}`} />
      {l.text}
    </span>
  );
}
