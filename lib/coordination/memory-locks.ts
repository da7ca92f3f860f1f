import { LockBusy, type Locks } from "./locks";

/** Whether `p` settles within `ms` (undefined = no bound). */
async function settlesWithin(p: Promise<unknown>, ms: number | undefined): Promise<boolean> {
  if (ms === undefined) return p.then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * In-process locks. A key's queue is a chain of promises; the last one out
 * removes the key, so idle keys hold no memory. A lock taken with tryLock
 * is part of the same chain: withLock waits for its release.
 */
export function createMemoryLocks(instanceId = "this instance"): Locks {
  const tails = new Map<string, Promise<unknown>>();

  /** Queues behind the key's holders; resolves with the release once it is this caller's turn. */
  const acquire = (key: string) => {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tail = previous.catch(() => undefined).then(() => held);
    tails.set(key, tail);
    const forget = () => {
      if (tails.get(key) === tail) tails.delete(key);
    };
    /** Leaves the queue; `early` when giving up before the turn came: the key stays held until the holders in front finish. */
    const done = (early = false) => {
      release();
      if (early) void tail.then(forget);
      else forget();
    };
    return { turn: previous.catch(() => undefined), done };
  };

  return {
    async withLock(key, fn, opts = {}) {
      const { turn, done } = acquire(key);
      if (!(await settlesWithin(turn, opts.waitMs))) {
        done(true);
        throw new LockBusy(opts.busy);
      }
      try {
        return await fn();
      } finally {
        done();
      }
    },
    async tryLock(key) {
      if (tails.has(key)) return null;
      const { done } = acquire(key);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        done();
      };
    },
    async isLocked(key) {
      return tails.has(key);
    },
    async holder(key) {
      return tails.has(key) ? instanceId : null;
    },
  };
}
