import type { RowLifecycle } from "@/lib/lifecycle/row";
import { formatRemaining } from "./format";

// One catalog row's lifecycle line (§7, §3): why it was withdrawn, what was
// decided, where its motion and final comment period stand, or that nobody
// owns it yet. Its time left is as of the page's render, computed on the server.

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const day = (iso: string) => (iso ? iso.slice(0, 10) : "");

export function RowStatus({ lifecycle }: { lifecycle: RowLifecycle | null }) {
  if (!lifecycle) return null;
  const base = "mt-1 text-sm";
  switch (lifecycle.kind) {
    case "unclaimed":
      return <p className={`${base} text-amber-800`}>Unclaimed — open it to claim ownership</p>;
    case "withdrawn":
      return (
        <p className={`${base} text-slate-600`}>
          Withdrawn {day(lifecycle.at)}: <span className="italic">{clip(lifecycle.reason)}</span>
        </p>
      );
    case "decided":
      return (
        <p className={`${base} ${lifecycle.outcome === "accepted" ? "text-emerald-800" : "text-rose-800"}`}>
          {lifecycle.outcome === "accepted" ? "Accepted" : "Rejected"} {day(lifecycle.at)}: <span className="italic">{clip(lifecycle.rationale)}</span>
        </p>
      );
    case "motion": {
      const what = `Motion to ${lifecycle.disposition}`;
      const concerns = lifecycle.openConcerns ? ` · ${lifecycle.openConcerns} open concern${lifecycle.openConcerns === 1 ? "" : "s"}` : "";
      const status =
        lifecycle.phase === "running" && lifecycle.remainingMs !== null
          ? `final comment period: ${formatRemaining(lifecycle.remainingMs)} left`
          : lifecycle.phase === "paused"
            ? `final comment period paused${concerns}`
            : lifecycle.phase === "due"
              ? "final comment period ended"
              : `${lifecycle.signed} of ${lifecycle.needed ?? "?"} sign-offs${concerns}`;
      return (
        <p className={`${base} text-indigo-800`} data-fcp-phase={lifecycle.phase}>
          {what} · {lifecycle.phase === "running" && lifecycle.endsAt ? <time dateTime={lifecycle.endsAt}>{status}</time> : status}
        </p>
      );
    }
  }
}
