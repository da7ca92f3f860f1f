import type { HeadMove } from "./branch-heads";

/**
 * Main moved by a push (§4.1, from the push webhook's payload): from `before`
 * to `after`, and the files its commits added, modified or removed — null
 * when the payload could not list them all (Gitea sends at most 5 commits).
 * A refresh whose cached head is `before` takes the move without listing
 * the repo's branches; any other head means an event was missed: it lists.
 */
export type MainPush = { before: string; after: string; files: string[] | null };

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
  /** Main moved by a push: taken without a listing unless `branches` lists anyway. */
  mainPush?: MainPush;
};

/** Two pushes of one burst as one move, when one continues the other; null when they do not chain (list instead). */
function chainPushes(a: MainPush, b: MainPush): MainPush | null {
  const files = (x: MainPush, y: MainPush) => (x.files && y.files ? [...new Set([...x.files, ...y.files])] : null);
  if (a.after === b.before) return { before: a.before, after: b.after, files: files(a, b) };
  if (b.after === a.before) return { before: b.before, after: a.after, files: files(b, a) };
  return null;
}

export function mergeNeeds(a: RepoNeeds, b: RepoNeeds): RepoNeeds {
  const pulls = [...new Set([...(a.pulls ?? []), ...(b.pulls ?? [])])];
  const heads = [...(a.heads ?? []), ...(b.heads ?? [])];
  const mainPush = a.mainPush && b.mainPush ? chainPushes(a.mainPush, b.mainPush) : (a.mainPush ?? b.mainPush);
  const unchained = !!a.mainPush && !!b.mainPush && !mainPush;
  return {
    branches: a.branches || b.branches || unchained || undefined,
    entries: a.entries || b.entries || undefined,
    openPulls: a.openPulls || b.openPulls || undefined,
    allPulls: a.allPulls || b.allPulls || undefined,
    force: a.force || b.force || undefined,
    ...(pulls.length ? { pulls } : {}),
    ...(heads.length ? { heads } : {}),
    ...(mainPush ? { mainPush } : {}),
  };
}

export const isEmptyNeeds = (n: RepoNeeds) =>
  !n.branches && !n.entries && !n.openPulls && !n.allPulls && !(n.pulls && n.pulls.length) && !(n.heads && n.heads.length) && !n.mainPush;
