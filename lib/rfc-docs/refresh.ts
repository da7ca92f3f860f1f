import "server-only";
import type { DocHome } from "@/lib/branches/names";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { repoNameOf } from "@/lib/rfcs/context";

/**
 * §4.1: user actions never write the cache; after a Git write they ask the
 * cache's own refresh for the repo they touched, so the UI sees it at once.
 * Never throws: a failed refresh is the reconciler's to catch up.
 */
export async function refreshAfterWrite(home: DocHome, opts: { pulls?: number[]; entries?: boolean } = {}): Promise<void> {
  const outcome = await enqueueRefresh(repoNameOf(home), {
    branches: true,
    ...(opts.pulls?.length ? { pulls: opts.pulls } : {}),
    ...(opts.entries ? { entries: true } : {}),
  });
  if (!outcome.ok) console.warn(`[quorum] refresh of ${outcome.repo} after a write failed: ${outcome.error}`);
}
