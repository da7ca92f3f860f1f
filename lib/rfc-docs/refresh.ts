import "server-only";
import type { DocHome } from "@/lib/branches/names";
import { homeRepoName, type BranchPlace } from "@/lib/branches/place";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";

/** A branch the write moved: the commit written and the head it was written on. */
export type MovedHead = { from: string | null; to: string };

/**
 * §4.1: user actions never write the cache; after a Git write they ask the
 * cache's own refresh for the repo they touched (the RFC's home, or the
 * private companion repo of a branch's place), so the UI sees it at once.
 * A write that moved one branch gives its place and `head`, and the refresh
 * notes the new head without listing the repo's branches (§15 item 3).
 * Never throws: a failed refresh is the reconciler's to catch up.
 */
export async function refreshAfterWrite(target: DocHome | BranchPlace, opts: { pulls?: number[]; entries?: boolean; head?: MovedHead } = {}): Promise<void> {
  const place = "repoName" in target ? target : null;
  const repo = place ? place.repoName : homeRepoName(target as DocHome);
  const outcome = await enqueueRefresh(repo, {
    ...(opts.head && place ? { heads: [{ name: place.ref, from: opts.head.from, to: opts.head.to }] } : { branches: true }),
    ...(opts.pulls?.length ? { pulls: opts.pulls } : {}),
    ...(opts.entries ? { entries: true } : {}),
  });
  if (!outcome.ok) console.warn(`[quorum] refresh of ${outcome.repo} after a write failed: ${outcome.error}`);
}
