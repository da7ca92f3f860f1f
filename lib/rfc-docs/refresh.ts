import "server-only";
import { gitRefOf, type DocHome } from "@/lib/branches/names";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { repoNameOf } from "@/lib/rfcs/context";

/** A branch the write moved: the commit written and the head it was written on. */
export type MovedHead = { branch: string; from: string | null; to: string };

/**
 * §4.1: user actions never write the cache; after a Git write they ask the
 * cache's own refresh for the repo they touched, so the UI sees it at once.
 * A write that moved one branch says so (`head`), and the refresh notes the
 * new head without listing the repo's branches (§15 item 3).
 * Never throws: a failed refresh is the reconciler's to catch up.
 */
export async function refreshAfterWrite(home: DocHome, opts: { pulls?: number[]; entries?: boolean; head?: MovedHead } = {}): Promise<void> {
  const outcome = await enqueueRefresh(repoNameOf(home), {
    ...(opts.head ? { heads: [{ name: gitRefOf(home, opts.head.branch), from: opts.head.from, to: opts.head.to }] } : { branches: true }),
    ...(opts.pulls?.length ? { pulls: opts.pulls } : {}),
    ...(opts.entries ? { entries: true } : {}),
  });
  if (!outcome.ok) console.warn(`[quorum] refresh of ${outcome.repo} after a write failed: ${outcome.error}`);
}
