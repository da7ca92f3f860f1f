import type { RepoNeeds } from "@/lib/cache/needs";
import { createRefreshScheduler } from "@/lib/cache/refresh-scheduler";

// When refreshes run (lib/cache/refresh-scheduler.ts), on a fake clock: a
// burst of webhook events refreshes at once and once more after it, the last
// state wins, and sweeps or a user's writes never wait for a burst (§4.1).
// A "refresh" here reads `gitea` when it starts and writes it to `cache`
// when it ends, as refreshRepo reads Gitea and writes the cache.

const QUIET = 150;
const MAX_WAIT = 3000;
const RUN_MS = 30;

function world(concurrency = 4) {
  let gitea = 0;
  const cache = new Map<string, number>();
  const runs: { repo: string; at: number; needs: RepoNeeds; read: number }[] = [];
  let runningNow = 0;
  let maxRunning = 0;
  const scheduler = createRefreshScheduler<number>({
    concurrency,
    quietMs: QUIET,
    maxWaitMs: MAX_WAIT,
    run: async (repo, job) => {
      const read = gitea;
      runs.push({ repo, at: Date.now(), needs: job.needs, read });
      maxRunning = Math.max(maxRunning, ++runningNow);
      await new Promise((r) => setTimeout(r, RUN_MS));
      runningNow--;
      cache.set(repo, read);
      return read;
    },
  });
  return {
    scheduler,
    runs,
    cache,
    maxRunning: () => maxRunning,
    setGitea: (v: number) => (gitea = v),
    event: (repo: string, needs: RepoNeeds = { branches: true }) => void scheduler.enqueue(repo, needs, { burst: true }),
  };
}

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

const settle = async (w: ReturnType<typeof world>) => {
  const idle = w.scheduler.whenIdle();
  await jest.advanceTimersByTimeAsync(MAX_WAIT * 2);
  await idle;
};

it("a single push refreshes at once, once", async () => {
  const w = world();
  const t0 = Date.now();
  w.setGitea(1);
  w.event("rfcs/meta");
  expect(w.runs).toEqual([expect.objectContaining({ at: t0, read: 1 })]); // started synchronously, no gathering delay
  await settle(w);
  expect(w.runs).toHaveLength(1);
  expect(w.cache.get("rfcs/meta")).toBe(1);
});

it("100 events in a burst cost two refreshes, and the last state wins", async () => {
  const w = world();
  let lastEventAt = 0;
  for (let i = 1; i <= 100; i++) {
    w.setGitea(i); // Gitea moves, then tells the app
    w.event("rfcs/meta", { pulls: [i] });
    lastEventAt = Date.now();
    await jest.advanceTimersByTimeAsync(2);
  }
  await settle(w);
  expect(w.runs).toHaveLength(2);
  expect(w.runs[0]).toMatchObject({ read: 1, needs: { pulls: [1] } }); // the leading edge: at once
  expect(w.runs[1].at).toBeGreaterThanOrEqual(lastEventAt + QUIET); // the trailing edge: after the burst
  expect(w.runs[1].needs.pulls).toEqual(Array.from({ length: 99 }, (_, i) => i + 2)); // every event's needs, merged
  expect(w.cache.get("rfcs/meta")).toBe(100);
});

it("events that arrive before the first run starts ride along with it", async () => {
  const w = world(1);
  void w.scheduler.enqueue("rfcs/other", { branches: true }); // the one slot is busy
  w.event("rfcs/meta", { pulls: [1] });
  w.event("rfcs/meta", { pulls: [2] });
  await settle(w);
  expect(w.runs.filter((r) => r.repo === "rfcs/meta")).toEqual([expect.objectContaining({ needs: { pulls: [1, 2] } })]);
});

it("a stream that never pauses still refreshes every few seconds, and ends on the last state", async () => {
  const w = world();
  const events: number[] = [];
  for (let i = 1; i <= 100; i++) {
    w.setGitea(i);
    w.event("rfcs/meta");
    events.push(Date.now());
    await jest.advanceTimersByTimeAsync(100); // 10 s of events, never quiet for 150 ms
  }
  await settle(w);
  // Every event is followed by a refresh within MAX_WAIT (plus a run in progress).
  for (const e of events) expect(w.runs.find((r) => r.at >= e)!.at - e).toBeLessThanOrEqual(MAX_WAIT + RUN_MS);
  expect(w.runs.length).toBeLessThanOrEqual(2 + Math.ceil(10_000 / MAX_WAIT));
  expect(w.cache.get("rfcs/meta")).toBe(100);
});

it("bursts apart are refreshed each at once", async () => {
  const w = world();
  w.event("rfcs/meta");
  await settle(w);
  const t = Date.now();
  w.event("rfcs/meta");
  expect(w.runs.map((r) => r.at)).toEqual([1_000_000, t]);
});

it("a sweep or a user's write does not wait for a gathering burst", async () => {
  const w = world();
  w.event("rfcs/meta");
  await jest.advanceTimersByTimeAsync(1);
  w.event("rfcs/meta", { pulls: [7] }); // gathers behind the running refresh
  await jest.advanceTimersByTimeAsync(RUN_MS + 1);
  const t = Date.now();
  void w.scheduler.enqueue("rfcs/meta", { entries: true }); // the user's own write
  await jest.advanceTimersByTimeAsync(0);
  expect(w.runs[1]).toMatchObject({ at: t, needs: { pulls: [7], entries: true } });
  await settle(w);
  expect(w.runs).toHaveLength(2);
});

it("never runs one repo twice at once, and at most `concurrency` repos", async () => {
  const w = world(2);
  for (const repo of ["a", "b", "c", "d"]) for (let i = 0; i < 3; i++) w.event(`o/${repo}`);
  await settle(w);
  expect(w.maxRunning()).toBe(2);
  for (const repo of ["a", "b", "c", "d"]) {
    const mine = w.runs.filter((r) => r.repo === `o/${repo}`);
    for (let i = 1; i < mine.length; i++) expect(mine[i].at - mine[i - 1].at).toBeGreaterThanOrEqual(RUN_MS);
  }
});

it("a waiter learns the outcome of the run that covered it", async () => {
  const w = world();
  w.setGitea(5);
  const outcome = w.scheduler.enqueue("rfcs/meta", { branches: true });
  await settle(w);
  await expect(outcome).resolves.toBe(5);
});

it("flush starts a gathering run at once and resolves when all runs are done (shutdown, a test's teardown)", async () => {
  const w = world();
  const t0 = Date.now();
  w.setGitea(1);
  w.event("rfcs/meta"); // leading run, at once
  await jest.advanceTimersByTimeAsync(1);
  w.setGitea(2);
  w.event("rfcs/meta"); // gathers behind the running one for QUIET ms
  let flushed: boolean | undefined;
  void w.scheduler.flush().then((had) => (flushed = had));
  await jest.advanceTimersByTimeAsync(RUN_MS);
  // The trailing run started as soon as the leading one ended, not QUIET ms later.
  expect(w.runs.map((r) => r.at - t0)).toEqual([0, RUN_MS]);
  await jest.advanceTimersByTimeAsync(RUN_MS);
  expect(flushed).toBe(true);
  expect(w.cache.get("rfcs/meta")).toBe(2);
  expect(w.scheduler.stats()).toMatchObject({ pending: 0, running: 0 });
  await expect(w.scheduler.flush()).resolves.toBe(false);
});
