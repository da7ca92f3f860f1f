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
  /** Main moved by pushes, as their events came (in any order): one move when they chain (mainMove), taken without a listing unless `branches` lists anyway. */
  mainPushes?: MainPush[];
};

export function mergeNeeds(a: RepoNeeds, b: RepoNeeds): RepoNeeds {
  const pulls = [...new Set([...(a.pulls ?? []), ...(b.pulls ?? [])])];
  const heads = [...(a.heads ?? []), ...(b.heads ?? [])];
  // Kept apart until the refresh runs: a push that does not continue the others yet may once the one between arrives.
  const mainPushes = [...(a.mainPushes ?? []), ...(b.mainPushes ?? [])];
  return {
    branches: a.branches || b.branches || undefined,
    entries: a.entries || b.entries || undefined,
    openPulls: a.openPulls || b.openPulls || undefined,
    allPulls: a.allPulls || b.allPulls || undefined,
    force: a.force || b.force || undefined,
    ...(pulls.length ? { pulls } : {}),
    ...(heads.length ? { heads } : {}),
    ...(mainPushes.length ? { mainPushes } : {}),
  };
}

/**
 * The pushes a refresh takes as one move of main, whatever order their
 * events came in (Gitea's webhook workers deliver concurrently, so a later
 * push can arrive first): undefined when there is none, null when they do
 * not form one chain — an event between them was lost, main forked or went
 * back — and the refresh lists instead.
 */
export function mainMove(pushes: MainPush[] | undefined): MainPush | null | undefined {
  if (!pushes?.length) return undefined;
  const byBefore = new Map<string, MainPush>();
  for (const p of pushes) {
    const seen = byBefore.get(p.before);
    if (seen && seen.after !== p.after) return null; // two moves from one head
    if (!seen || (seen.files && !p.files)) byBefore.set(p.before, p); // a repeated event; the one without its files list wins
  }
  const afters = new Set([...byBefore.values()].map((p) => p.after));
  const starts = [...byBefore.values()].filter((p) => !afters.has(p.before));
  if (starts.length !== 1) return null;
  const chain: MainPush[] = [];
  for (let p: MainPush | undefined = starts[0]; p; p = byBefore.get(p.after)) {
    chain.push(p);
    if (chain.length > byBefore.size) return null; // main came back to a head it left
  }
  if (chain.length !== byBefore.size) return null;
  const files = chain.every((p) => p.files) ? [...new Set(chain.flatMap((p) => p.files!))] : null;
  return { before: chain[0].before, after: chain[chain.length - 1].after, files };
}

/** What a refresh reads: its pushes to main made one move (mainMove), or a listing when they do not chain. */
export type ResolvedNeeds = Omit<RepoNeeds, "mainPushes"> & { mainPush?: MainPush };

export function resolveMainPushes({ mainPushes, ...needs }: RepoNeeds): ResolvedNeeds {
  const mainPush = mainMove(mainPushes);
  if (mainPush === null) return { ...needs, branches: true };
  return mainPush ? { ...needs, mainPush } : needs;
}

export const isEmptyNeeds = (n: RepoNeeds) =>
  !n.branches && !n.entries && !n.openPulls && !n.allPulls && !(n.pulls && n.pulls.length) && !(n.heads && n.heads.length) && !(n.mainPushes && n.mainPushes.length);
