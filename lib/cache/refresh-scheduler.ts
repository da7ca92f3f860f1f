import { mergeNeeds, type RepoNeeds } from "./needs";

// When each repo's refresh runs (§4.1), apart from what a refresh does
// (refresh-queue.ts gives it refreshRepo). One run per repo at a time, so
// two writers never interleave on one repo's rows; at most `concurrency`
// repos at once; needs that arrive before a run starts merge into it.
//
// Webhook events come in bursts (Gitea sends push, pull_request and delete
// for one merge within milliseconds; a script may push a hundred times).
// The first event of a burst refreshes at once — a single push is in the
// cache as fast as the refresh runs — and the rest gather into one trailing
// run that starts when the burst has been quiet for `quietMs` (at the latest
// `maxWaitMs` after it began gathering, so a stream that never pauses still
// refreshes). The trailing run starts after the last event, and a refresh
// reads Gitea's current state, so the last state wins. Sweeps and a user's
// own writes never wait for a burst.

export type Job = { needs: RepoNeeds; updatedAt?: string };
/** Runs one refresh; it must not reject (it records its own failures) and its result goes to every waiter. */
export type RunJob<T> = (repo: string, job: Job) => Promise<T>;

type Pending<T> = Job & { notBefore: number; waiters: ((outcome: T) => void)[]; gatheringSince?: number };

export type SchedulerOptions<T> = { run: RunJob<T>; concurrency: number; quietMs: number; maxWaitMs: number; now?: () => number };

export function createRefreshScheduler<T>(opts: SchedulerOptions<T>) {
  const now = opts.now ?? Date.now;
  const pending = new Map<string, Pending<T>>();
  const running = new Set<string>();
  const lastEventAt = new Map<string, number>();
  const idle: (() => void)[] = [];
  let timer: { at: number; handle: NodeJS.Timeout } | null = null;
  const stats = { runs: 0 };

  /** Asks for a refresh; resolves when a run that covered these needs has finished. */
  function enqueue(repo: string, needs: RepoNeeds, o: { updatedAt?: string; burst?: boolean } = {}): Promise<T> {
    return new Promise((resolve) => {
      const t = now();
      let job = pending.get(repo);
      const leading = o.burst ? isFirstOfBurst(repo, t) : true;
      if (!job) {
        job = { needs, updatedAt: o.updatedAt, notBefore: t, waiters: [] };
        // Not the first event of its burst and the first one's run has begun: gather.
        if (!leading) job.gatheringSince = t;
        pending.set(repo, job);
      } else {
        job.needs = mergeNeeds(job.needs, needs);
        job.updatedAt = o.updatedAt ?? job.updatedAt;
        // A sweep or a user's write does not wait for a burst to gather.
        if (!o.burst) job.gatheringSince = undefined;
      }
      if (job.gatheringSince !== undefined) job.notBefore = Math.min(t + opts.quietMs, job.gatheringSince + opts.maxWaitMs);
      else job.notBefore = Math.min(job.notBefore, t);
      job.waiters.push(resolve);
      pump();
    });
  }

  function isFirstOfBurst(repo: string, t: number): boolean {
    const last = lastEventAt.get(repo);
    lastEventAt.set(repo, t);
    if (lastEventAt.size > 1000) for (const [r, at] of lastEventAt) if (t - at > opts.quietMs) lastEventAt.delete(r);
    return last === undefined || t - last > opts.quietMs;
  }

  function pump(): void {
    const t = now();
    let wake = Infinity;
    for (const [repo, job] of pending) {
      if (running.size >= opts.concurrency) break;
      if (running.has(repo)) continue;
      if (job.notBefore > t) {
        wake = Math.min(wake, job.notBefore);
        continue;
      }
      pending.delete(repo);
      running.add(repo);
      stats.runs++;
      void opts.run(repo, { needs: job.needs, updatedAt: job.updatedAt }).then((outcome) => {
        running.delete(repo);
        for (const w of job.waiters) w(outcome);
        pump();
        if (!pending.size && !running.size) for (const done of idle.splice(0)) done();
      });
    }
    // One timer, always for the earliest job still waiting.
    if (timer && timer.at !== wake) {
      clearTimeout(timer.handle);
      timer = null;
    }
    if (wake !== Infinity && !timer) {
      const handle = setTimeout(() => {
        timer = null;
        pump();
      }, wake - t);
      timer = { at: wake, handle };
    }
  }

  return {
    enqueue,
    /** Starts every waiting job now, gathering or not (shutdown, a test's teardown); resolves whether any was queued or running. */
    async flush(): Promise<boolean> {
      if (!pending.size && !running.size) return false;
      for (const job of pending.values()) {
        job.notBefore = 0;
        job.gatheringSince = undefined;
      }
      pump();
      await new Promise<void>((resolve) => (!pending.size && !running.size ? resolve() : idle.push(resolve)));
      return true;
    },
    /** Resolves once nothing is queued or running. */
    whenIdle(): Promise<void> {
      if (!pending.size && !running.size) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    stats: () => ({ runs: stats.runs, pending: pending.size, running: running.size }),
  };
}
