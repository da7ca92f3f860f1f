import type { PrRef } from "@/lib/contracts";
import { MERGE_STATE_TEXT } from "@/lib/prs/merge-state";

// Why the branch's open PR cannot be merged yet (§9): Gitea is still checking
// it (FACTS §7.2), it conflicts with main, or its title marks a draft (§7.6).
// A thin line under the toolbar, as "Behind main" is; nothing when it can merge.

const STYLE = {
  checking: "border-slate-200 bg-slate-50 text-slate-600",
  conflicts: "border-rose-200 bg-rose-50 text-rose-800",
  wip: "border-slate-200 bg-slate-50 text-slate-600",
} as const;

export function MergeStatusNote({ pr }: { pr: PrRef | null }) {
  const state = pr?.state === "open" ? pr.mergeState : null;
  if (!state || state === "mergeable") return null;
  return (
    <p role="status" data-testid="merge-why-not" className={`border-t px-4 py-1.5 text-xs lg:px-6 ${STYLE[state]}`}>
      PR #{pr!.number}: {MERGE_STATE_TEXT[state].why}.
    </p>
  );
}
