import type { Locks } from "./locks";

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
    const done = () => {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    };
    return { turn: previous.catch(() => undefined), done };
  };

  return {
    async withLock(key, fn) {
      const { turn, done } = acquire(key);
      await turn;
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
