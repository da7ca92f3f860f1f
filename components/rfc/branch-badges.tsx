import type { BranchSummary } from "@/lib/contracts";
import { MERGE_STATE_TEXT } from "@/lib/prs/merge-state";

// §9 branch status at a glance: PR number and state (for an open PR whether
// Gitea can merge it: checking, can merge, conflicts, work in progress),
// +additions −deletions, behind main, private lock, deleted.

const PR_STYLE = {
  open: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  merged: "bg-violet-50 text-violet-800 ring-violet-200",
  closed: "bg-slate-100 text-slate-600 ring-slate-200",
} as const;

const MERGE_STYLE = {
  checking: "text-amber-700",
  mergeable: "text-emerald-700",
  conflicts: "text-rose-700",
  wip: "text-slate-600",
} as const;

export function PrBadge({ pr }: { pr: BranchSummary["pr"] }) {
  if (!pr) return null;
  const merge = pr.state === "open" ? pr.mergeState : null;
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${PR_STYLE[pr.state]}`}
      title={merge ? (MERGE_STATE_TEXT[merge].why ?? "Gitea can merge it") : undefined}
      data-merge-state={merge ?? undefined}
    >
      #{pr.number} {pr.state}
      {merge ? <span className={MERGE_STYLE[merge]}> · {MERGE_STATE_TEXT[merge].badge}</span> : null}
    </span>
  );
}

export function LockIcon({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-label="Private" role="img" className={`h-3.5 w-3.5 fill-current ${className}`}>
      <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
    </svg>
  );
}

/** A branch's name with its lock and PR badge: one row of the branch menu and the left column. */
export function BranchTitle({ b }: { b: BranchSummary }) {
  return (
    <span className="flex items-center gap-1.5">
      {b.visibility === "private" ? <LockIcon className="shrink-0 text-slate-600" /> : null}
      <span className={`truncate font-mono text-[13px] ${b.state === "deleted" ? "text-slate-600 line-through" : "text-slate-900"}`}>{b.name}</span>
      <span className="ml-auto shrink-0">
        <PrBadge pr={b.pr} />
      </span>
    </span>
  );
}

export function BranchStats({ b }: { b: BranchSummary }) {
  if (b.name === "main") return null;
  return (
    <span className="inline-flex items-center gap-2 text-[11px] tabular-nums">
      {b.state === "deleted" ? <span className="rounded bg-slate-100 px-1 text-slate-600">deleted</span> : null}
      {b.state === "deleted" ? null : b.statusKnown ? (
        <>
          <span className="text-emerald-700">+{b.additions}</span>
          <span className="text-rose-700">−{b.deletions}</span>
        </>
      ) : (
        // Never "+0 −0" for a status not computed yet: the branches route computes it on first view (§9).
        <span className="text-slate-600" data-testid="branch-stats-pending">
          +… −…<span className="sr-only"> (lines changed: computing)</span>
        </span>
      )}
      {b.behindBy > 0 ? <span className="text-amber-800">{b.behindBy} behind</span> : null}
    </span>
  );
}
