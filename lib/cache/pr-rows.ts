import type { PullRequest } from "gitea-js";
import { getConfig } from "@/lib/config";
import { parseMetaHead, type PrKind } from "@/lib/entries";
import { decideMergeState, type MergeDecision, type MergeMemory } from "@/lib/prs/merge-state";

// One cached PR row from Gitea's PullRequest (§9): kind from the head branch.

export type PrContext = { isMeta: boolean; rfcSlug: string | null };

/**
 * The head branch's name. Once Gitea deletes a merged PR's branch, `head.ref`
 * becomes `refs/pull/<n>/head` and only `head.label` still names the branch.
 */
export function headName(pr: PullRequest): string {
  const ref = pr.head?.ref ?? "";
  return ref.startsWith("refs/") ? (pr.head?.label ?? ref).replace(/^[^:]+:/, "") : ref;
}

export function prKindAndSlug(pr: PullRequest, ctx: PrContext): { kind: PrKind; slug: string } | null {
  // Only PRs into main are §9 PRs: "update from main" merges a short-lived
  // PR the other way (main → branch), which must not show as the branch's PR.
  if (!ctx.isMeta) return ctx.rfcSlug && pr.base?.ref === "main" ? { kind: "rfc_branch", slug: ctx.rfcSlug } : null;
  const head = parseMetaHead(headName(pr));
  return head ? { kind: head.kind, slug: head.slug } : null;
}

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

export function prState(pr: PullRequest): "open" | "closed" | "merged" {
  if (pr.merged) return "merged";
  return pr.state === "closed" ? "closed" : "open";
}

/** Whether `pr` can merge, from Gitea's answer and what the cache knew (lib/prs/merge-state.ts). */
export const mergeDecisionOf = (pr: PullRequest, prev: MergeMemory | null, now = new Date()): MergeDecision =>
  decideMergeState(
    { state: prState(pr), mergeable: pr.mergeable ?? null, title: pr.title ?? "", headSha: pr.head?.sha ?? null, baseSha: pr.base?.sha ?? null },
    prev,
    now,
    getConfig().mergeCheckWindowMs,
  );

export function prRow(pr: PullRequest, repo: string, kind: PrKind, slug: string, openedBy: string, merge: MergeDecision) {
  return {
    repo,
    number: pr.number ?? 0,
    rfcSlug: slug,
    kind,
    title: pr.title ?? "",
    body: pr.body ?? "",
    state: prState(pr),
    openedBy,
    openedAt: date(pr.created_at) ?? new Date(0),
    updatedAt: date(pr.updated_at) ?? date(pr.created_at) ?? new Date(0),
    mergedAt: date(pr.merged_at),
    closedAt: date(pr.closed_at),
    headBranch: headName(pr),
    baseBranch: pr.base?.ref ?? "",
    headSha: pr.head?.sha ?? null,
    ...merge,
    additions: pr.additions ?? null,
    deletions: pr.deletions ?? null,
  };
}
