import { inBackground, onSettle } from "@/lib/background";
import { db } from "@/lib/db/client";
import { enqueueRefresh } from "./refresh-queue";

// FACTS §7.2: after a push to a PR's head or base Gitea tests the merge in
// the background, and nothing tells anyone when it is done — after a merge
// into main, the other PRs into main are re-checked without any webhook. A
// PR the cache stored as "checking" is therefore read again, through the
// refresh queue, after 0.5, 1, 2, 4 and then every 8 s, until Gitea has
// decided (merge-state.ts turns a lasting "no" into "conflicts" after its
// window) or the PR is no longer open. One watch per PR; a refresh that
// finds the PR checking again while it is watched adds nothing.

const DELAYS_MS = [500, 1000, 2000, 4000, 8000];
const MAX_READS = 12;

type Watch = { repo: string; number: number; reads: number; timer: NodeJS.Timeout | null };

// On globalThis: Next bundles route handlers and instrumentation separately.
const g = globalThis as unknown as { quorumMergeWatches?: Map<string, Watch> };
const watches = (g.quorumMergeWatches ??= new Map());

const keyOf = (repo: string, number: number) => `${repo}#${number}`;

export function watchMergeability(repo: string, numbers: number[]): void {
  for (const number of numbers) {
    const key = keyOf(repo, number);
    if (watches.has(key)) continue;
    const watch: Watch = { repo, number, reads: 0, timer: null };
    watches.set(key, watch);
    schedule(watch);
  }
}

function schedule(watch: Watch): void {
  const delay = DELAYS_MS[Math.min(watch.reads, DELAYS_MS.length - 1)];
  watch.timer = setTimeout(() => void inBackground(`re-read of ${keyOf(watch.repo, watch.number)}`, read(watch)), delay);
  watch.timer.unref?.();
}

async function read(watch: Watch): Promise<void> {
  const key = keyOf(watch.repo, watch.number);
  watch.timer = null;
  watch.reads += 1;
  try {
    await enqueueRefresh(watch.repo, { pulls: [watch.number] });
    const row = await db().cachedPr.findUnique({
      where: { repo_number: { repo: watch.repo, number: watch.number } },
      select: { state: true, mergeState: true },
    });
    const undecided = row?.state === "open" && row.mergeState === "checking";
    if (undecided && watch.reads < MAX_READS && watches.get(key) === watch) return schedule(watch);
  } catch (err) {
    console.warn(`[quorum] re-reading ${key} while Gitea checks it failed:`, err instanceof Error ? err.message : err);
  }
  if (watches.get(key) === watch) watches.delete(key);
}

/** The PRs being watched now (`repo#number`), for tests and the health route. */
export const watchedPulls = () => [...watches.keys()];

/** Drops every watch (tests, between fixtures; shutdown); returns whether there was one. A re-read under way finishes and stops there. */
export function stopMergeWatches(): boolean {
  const had = watches.size > 0;
  for (const w of watches.values()) if (w.timer) clearTimeout(w.timer);
  watches.clear();
  return had;
}
onSettle(stopMergeWatches);
