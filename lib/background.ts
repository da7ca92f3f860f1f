// Work the app runs off a request's path — a webhook's refresh, a merge
// watch's re-read, an AI reply, the lifecycle sweep, mail, a graduation — is
// known here, so whoever is about to take the database and the forge away (a
// shutdown, a test file's teardown) can first stop what waits on a timer,
// close open streams and wait for what already runs. Without it that work
// wakes up later against a closed database and fails in ways nobody sees.

/** Stops a module's timers, or flushes what it holds; resolves whether there was anything to stop. */
export type Settler = () => boolean | Promise<boolean>;

type State = { tasks: Map<Promise<unknown>, string>; settlers: Set<Settler> };

// On globalThis: Next bundles instrumentation and route handlers separately.
const g = globalThis as unknown as { quorumBackground?: State };
const state: State = (g.quorumBackground ??= { tasks: new Map(), settlers: new Set() });

/**
 * Records `work` as running off the caller's path until it settles, and
 * returns it. Its failures stay the work's own to handle: it should not reject.
 */
export function inBackground<T>(what: string, work: Promise<T>): Promise<T> {
  state.tasks.set(work, what);
  const forget = () => void state.tasks.delete(work);
  work.then(forget, forget);
  return work;
}

/** Registers how a module stops its timers or flushes its queue when the app settles. */
export function onSettle(settler: Settler): void {
  state.settlers.add(settler);
}

/**
 * Stops timers, closes streams and waits for running work, round after round
 * (finishing work may arm a timer or start more), until one round finds
 * nothing or `timeoutMs` has passed. Resolves with what was still running.
 */
export async function settleBackground({ timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Work that was running when the round began may have armed a timer as it finished: one more round then.
    const busy = state.tasks.size > 0;
    const stopped = await Promise.all([...state.settlers].map((settle) => Promise.resolve().then(settle).catch(() => false)));
    if (!busy && !state.tasks.size && !stopped.includes(true)) return [];
    const left = deadline - Date.now();
    if (left <= 0) return [...state.tasks.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      // setImmediate: a round that only stopped timers still lets I/O and timers run before the next.
      Promise.allSettled([...state.tasks.keys(), new Promise((resolve) => setImmediate(resolve))]),
      new Promise((resolve) => (timer = setTimeout(resolve, left))),
    ]);
    clearTimeout(timer);
  }
}

/** What runs now, by name (health, tests). */
export const backgroundWork = (): string[] => [...state.tasks.values()];
