import type { HeadMove } from "./branch-heads";

// What a refresh of one repo must re-read. Webhook events and the sweep
// describe what moved; the refresh queue merges the needs of events that
// arrive while a refresh of the same repo waits (coalescing).

export type RepoNeeds = {
  /** List branches; on the meta repo re-list `rfcs/` when main moved, on a per-RFC repo re-read RFC.md. */
  branches?: boolean;
  /** Meta repo only: list `rfcs/` and compare blob shas even if main did not move. */
  entries?: boolean;
  /** Re-read these PRs. */
  pulls?: number[];
  /** List open PRs and settle the ones the cache still holds as open. */
  openPulls?: boolean;
  /** List every PR (a rebuild). */
  allPulls?: boolean;
  /** Re-read files even when their sha matches the cache (the naive sweep of the benchmark). */
  force?: boolean;
  /** Branches the app's own write moved: noted without a listing unless `branches` lists anyway (branch-heads.ts). */
  heads?: HeadMove[];
};

export function mergeNeeds(a: RepoNeeds, b: RepoNeeds): RepoNeeds {
  const pulls = [...new Set([...(a.pulls ?? []), ...(b.pulls ?? [])])];
  const heads = [...(a.heads ?? []), ...(b.heads ?? [])];
  return {
    branches: a.branches || b.branches || undefined,
    entries: a.entries || b.entries || undefined,
    openPulls: a.openPulls || b.openPulls || undefined,
    allPulls: a.allPulls || b.allPulls || undefined,
    force: a.force || b.force || undefined,
    ...(pulls.length ? { pulls } : {}),
    ...(heads.length ? { heads } : {}),
  };
}

export const isEmptyNeeds = (n: RepoNeeds) =>
  !n.branches && !n.entries && !n.openPulls && !n.allPulls && !(n.pulls && n.pulls.length) && !(n.heads && n.heads.length);
