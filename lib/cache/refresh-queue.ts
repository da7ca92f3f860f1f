import { onSettle } from "@/lib/background";
import type { RepoNeeds } from "./needs";
import { refreshRepo } from "./refresh-repo";
import { createRefreshScheduler } from "./refresh-scheduler";
import { markRepoFailed, markRepoSynced } from "./repo-sync";
import { collectSkippedRows, rereadBy } from "./skipped-rows";

// §4.1: webhook events, sweeps and a user's own writes ask for refreshes
// here. refresh-scheduler.ts decides when each runs (one run per repo at a
// time, bursts of webhook events coalesced on the leading and the trailing
// edge); this module runs refreshRepo and records the outcome. Refreshes
// read current Gitea state, so repeated or reordered events converge.

export type RefreshOutcome = { repo: string; ok: boolean; error?: string };

const CONCURRENCY = 4;
/** A burst of webhook events has ended when none came for this long. */
export const WEBHOOK_QUIET_MS = 150;
/** A stream of events that never pauses still refreshes this often. */
export const WEBHOOK_MAX_WAIT_MS = 3000;

type QueueState = { scheduler: ReturnType<typeof createRefreshScheduler<RefreshOutcome>>; failures: number };

// On globalThis: Next bundles instrumentation and route handlers separately.
const g = globalThis as unknown as { quorumRefreshScheduler?: QueueState };
const state: QueueState = (g.quorumRefreshScheduler ??= {
  scheduler: createRefreshScheduler<RefreshOutcome>({ run, concurrency: CONCURRENCY, quietMs: WEBHOOK_QUIET_MS, maxWaitMs: WEBHOOK_MAX_WAIT_MS }),
  failures: 0,
});
onSettle(() => state.scheduler.flush());

/**
 * Asks for a refresh of `repo`. Resolves when a run that covered these needs
 * finished; never rejects (a failure is recorded as back-off in RepoSync).
 * `updatedAt` is the repo's Gitea `updated_at` the sweep saw before reading.
 * `burst`: a webhook event, coalesced with the events around it.
 */
export function enqueueRefresh(repo: string, needs: RepoNeeds, opts: { updatedAt?: string; burst?: boolean } = {}): Promise<RefreshOutcome> {
  return state.scheduler.enqueue(repo, needs, opts);
}

async function run(repo: string, job: { needs: RepoNeeds; updatedAt?: string }): Promise<RefreshOutcome> {
  try {
    const { result: r, skipped } = await collectSkippedRows(() => refreshRepo(repo, job.needs));
    await markRepoSynced(repo, { updatedAt: job.updatedAt, mainHeadSha: r.mainHeadSha, rfcSlug: r.rfcSlug, skipped, reread: rereadBy(job.needs) });
    for (const next of r.followUps) void enqueueRefresh(next, { branches: true, allPulls: true });
    return { repo, ok: true };
  } catch (err) {
    state.failures++;
    const { failures } = await markRepoFailed(repo, err).catch(() => ({ failures: -1 }));
    console.warn(`[quorum] refresh of ${repo} failed (${failures} in a row):`, err instanceof Error ? err.message : err);
    return { repo, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Resolves once nothing is queued or running (tests, the sweep, the benchmark). */
export function whenIdle(): Promise<void> {
  return state.scheduler.whenIdle();
}

export function refreshQueueStats(): { runs: number; failures: number; pending: number; running: number } {
  return { ...state.scheduler.stats(), failures: state.failures };
}
