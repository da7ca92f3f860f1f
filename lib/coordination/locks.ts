import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/http/errors";
import { createMemoryLocks } from "./memory-locks";
import { createRedisLocks } from "./redis-locks";

// The one lock helper: named locks that serialise work on one thing (a
// branch's change decisions, §8.9; a graduation, §13.3). The implementation
// is chosen by COORDINATION (lib/config.ts): `memory` holds them in this
// process, which is enough for one server process (§2); `redis` shares them
// between instances, each with an expiry so a dead instance never blocks
// the others for long (lib/coordination/redis-locks.ts).

export type Release = () => Promise<void>;

export type WithLockOptions = {
  /**
   * How long to wait for the turn; then LockBusy is thrown and `fn` never
   * runs. Holders make only bounded waits (every Gitea call has a deadline,
   * GITEA_TIMEOUT_S), so this bounds how long a queue of callers can grow.
   */
  waitMs?: number;
  /** The message of LockBusy, for the person who asked. */
  busy?: string;
};

/** The lock's turn did not come within `waitMs` (409: try again in a moment). */
export class LockBusy extends AppError {
  constructor(message = "Someone else is doing this right now; try again in a moment.") {
    super("conflict", message, { busy: true });
  }
}

export interface Locks {
  /** Runs `fn` once every earlier holder of `key` has finished (first come, first served). */
  withLock<T>(key: string, fn: () => Promise<T>, opts?: WithLockOptions): Promise<T>;
  /**
   * Takes `key` if nobody holds it; null when held. The caller must release
   * it. `onLost` is called if the lock is lost while held (it could not be
   * renewed in Redis, so another instance may take it). `ttlMs`: how long
   * the lock outlives an instance that died holding it (default 15 s).
   */
  tryLock(key: string, opts?: { onLost?: () => void; ttlMs?: number }): Promise<Release | null>;
  isLocked(key: string): Promise<boolean>;
  /** The instance holding `key` (INSTANCE_ID), or null. */
  holder(key: string): Promise<string | null>;
}

const g = globalThis as unknown as { quorumLocks?: Locks };

export function getLocks(): Locks {
  if (!g.quorumLocks) {
    const { coordination, redisUrl, instanceId } = getConfig();
    g.quorumLocks = coordination === "redis" && redisUrl ? createRedisLocks(redisUrl, { instanceId }) : createMemoryLocks(instanceId);
  }
  return g.quorumLocks;
}
