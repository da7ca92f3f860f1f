import { randomUUID } from "node:crypto";
import { Mutex, TimeoutError } from "redis-semaphore";
import { LockBusy, type Locks } from "./locks";
import { createMemoryLocks } from "./memory-locks";
import { connectRedis, REDIS_PREFIX } from "./redis-client";

export type RedisLocksOptions = {
  /** This instance's name, stored with each lock it holds (health names the reconciler's leader). */
  instanceId: string;
  /** How long a lock outlives an instance that died holding it; a live holder renews it every third of this. */
  ttlMs?: number;
  /** How often a waiter asks Redis again. */
  retryMs?: number;
};

/** A mutex whose renewal failing for any reason (Redis unreachable too) counts as losing it, never an unhandled rejection. */
class ExpiringMutex extends Mutex {
  protected override async _refresh(): Promise<boolean> {
    try {
      return await super._refresh();
    } catch {
      return false;
    }
  }
}

/**
 * Locks across instances: SET NX PX with a random token, renewed while held
 * and released by a compare-and-delete script (redis-semaphore's Mutex), so
 * a dead instance's lock expires after `ttlMs` and a slow one never frees
 * another's. Waiters of one instance queue in memory first (first come, first
 * served) so only the head of each instance's queue polls Redis.
 */
export function createRedisLocks(url: string, opts: RedisLocksOptions): Locks & { close(): Promise<void> } {
  const client = connectRedis(url, "quorum-locks");
  const local = createMemoryLocks();
  const ttlMs = opts.ttlMs ?? 15_000;
  /** `waitMs`: how long acquire() may wait (one try when `once`, else without bound). */
  const mutex = (key: string, once: boolean, onLost?: () => void, ttl = ttlMs, waitMs?: number) =>
    new ExpiringMutex(client, REDIS_PREFIX + key, {
      identifier: `${opts.instanceId}#${randomUUID()}`,
      lockTimeout: ttl,
      refreshInterval: Math.round(ttl / 3),
      acquireTimeout: once ? ttl : (waitMs ?? Number.POSITIVE_INFINITY),
      acquireAttemptsLimit: once ? 1 : Number.POSITIVE_INFINITY,
      retryInterval: opts.retryMs ?? 25,
      onLockLost: (err) => {
        console.error(`[quorum] lost the lock ${key}: ${err.message}`);
        onLost?.();
      },
    });
  const redisKey = (key: string) => `mutex:${REDIS_PREFIX}${key}`;

  return {
    async withLock(key, fn, lockOpts = {}) {
      // `waitMs` bounds the whole wait: this instance's queue, then what is left of it for Redis.
      const deadline = lockOpts.waitMs === undefined ? undefined : Date.now() + lockOpts.waitMs;
      return local.withLock(key, async () => {
        const m = mutex(key, false, undefined, ttlMs, deadline === undefined ? undefined : Math.max(1, deadline - Date.now()));
        try {
          await m.acquire();
        } catch (err) {
          if (err instanceof TimeoutError) throw new LockBusy(lockOpts.busy);
          throw err;
        }
        try {
          return await fn();
        } finally {
          await m.release().catch((err: unknown) => console.error(`[quorum] could not release ${key} (it expires by itself):`, err));
        }
      }, lockOpts);
    },
    async tryLock(key, lockOpts) {
      const releaseLocal = await local.tryLock(key);
      if (!releaseLocal) return null;
      const m = mutex(key, true, lockOpts?.onLost, lockOpts?.ttlMs);
      let taken = false;
      try {
        taken = await m.tryAcquire();
      } finally {
        if (!taken) await releaseLocal();
      }
      if (!taken) return null;
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await m.release().catch((err: unknown) => console.error(`[quorum] could not release ${key} (it expires by itself):`, err));
        await releaseLocal();
      };
    },
    async isLocked(key) {
      return (await local.isLocked(key)) || (await client.exists(redisKey(key))) === 1;
    },
    async holder(key) {
      const value = await client.get(redisKey(key));
      return value ? value.slice(0, value.lastIndexOf("#")) : null;
    },
    async close() {
      await client.quit().catch(() => undefined);
    },
  };
}
