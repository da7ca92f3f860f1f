import { mergeNeeds, type RepoNeeds } from "./needs";
import { refreshRepo } from "./refresh-repo";
import { markRepoFailed, markRepoSynced } from "./repo-sync";
import { collectSkippedRows } from "./skipped-rows";

// §4.1: webhook events and sweeps ask for refreshes here. One refresh runs
// per repo at a time (so two writers never interleave on one repo's rows);
// needs that arrive meanwhile are merged into one follow-up run
// (coalescing); at most CONCURRENCY repos refresh at once. Refreshes read
// current Gitea state, so repeated or reordered events converge.

export type RefreshOutcome = { repo: string; ok: boolean; error?: string };
type Job = { needs: RepoNeeds; updatedAt?: string; notBefore: number; waiters: ((o: RefreshOutcome) => void)[] };

const CONCURRENCY = 4;

type QueueState = {
  pending: Map<string, Job>;
  running: Set<string>;
  idle: (() => void)[];
  timer: NodeJS.Timeout | null;
  stats: { runs: number; failures: number };
};
// On globalThis: Next bundles instrumentation and route handlers separately.
const g = globalThis as unknown as { quorumRefreshQueue?: QueueState };
const state: QueueState = (g.quorumRefreshQueue ??= { pending: new Map(), running: new Set(), idle: [], timer: null, stats: { runs: 0, failures: 0 } });

/**
 * Asks for a refresh of `repo`. Resolves when a run that covered these needs
 * finished; never rejects (a failure is recorded as back-off in RepoSync).
 * `updatedAt` is the repo's Gitea `updated_at` the sweep saw before reading.
 * `delayMs` lets a burst gather first: Gitea sends push, pull_request and
 * delete for one merge within milliseconds, and one refresh covers them all.
 * Later needs merge into the waiting job; its start only ever moves earlier.
 */
export function enqueueRefresh(
  repo: string,
  needs: RepoNeeds,
  opts: { updatedAt?: string; delayMs?: number } = {},
): Promise<RefreshOutcome> {
  return new Promise((resolve) => {
    const job = state.pending.get(repo);
    if (job) {
      job.needs = mergeNeeds(job.needs, needs);
      job.updatedAt = opts.updatedAt ?? job.updatedAt;
      // A user's write (no delay) does not wait for a webhook burst to gather.
      job.notBefore = Math.min(job.notBefore, Date.now() + (opts.delayMs ?? 0));
      job.waiters.push(resolve);
    } else {
      state.pending.set(repo, { needs, updatedAt: opts.updatedAt, notBefore: Date.now() + (opts.delayMs ?? 0), waiters: [resolve] });
    }
    pump();
  });
}

function pump(): void {
  const now = Date.now();
  let wake = Infinity;
  for (const [repo, job] of state.pending) {
    if (state.running.size >= CONCURRENCY) break;
    if (state.running.has(repo)) continue;
    if (job.notBefore > now) {
      wake = Math.min(wake, job.notBefore);
      continue;
    }
    state.pending.delete(repo);
    state.running.add(repo);
    void run(repo, job).finally(() => {
      state.running.delete(repo);
      pump();
      if (!state.pending.size && !state.running.size) for (const done of state.idle.splice(0)) done();
    });
  }
  if (wake !== Infinity && !state.timer) {
    state.timer = setTimeout(() => {
      state.timer = null;
      pump();
    }, wake - now);
  }
}

async function run(repo: string, job: Job): Promise<void> {
  state.stats.runs++;
  let outcome: RefreshOutcome;
  try {
    const { result: r, skipped } = await collectSkippedRows(() => refreshRepo(repo, job.needs));
    await markRepoSynced(repo, { updatedAt: job.updatedAt, mainHeadSha: r.mainHeadSha, rfcSlug: r.rfcSlug, skipped });
    for (const next of r.followUps) void enqueueRefresh(next, { branches: true, allPulls: true });
    outcome = { repo, ok: true };
  } catch (err) {
    state.stats.failures++;
    const { failures } = await markRepoFailed(repo, err).catch(() => ({ failures: -1 }));
    console.warn(`[quorum] refresh of ${repo} failed (${failures} in a row):`, err instanceof Error ? err.message : err);
    outcome = { repo, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  for (const w of job.waiters) w(outcome);
}

/** Resolves once nothing is queued or running (tests, the sweep, the benchmark). */
export function whenIdle(): Promise<void> {
  if (!state.pending.size && !state.running.size) return Promise.resolve();
  return new Promise((resolve) => state.idle.push(resolve));
}

export function refreshQueueStats(): { runs: number; failures: number; pending: number; running: number } {
  return { ...state.stats, pending: state.pending.size, running: state.running.size };
}
