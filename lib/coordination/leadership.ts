import type { Locks, Release } from "./locks";

// Leadership of a singleton job (the §4 reconciler) among instances: a lock
// with an expiry, held while this instance is alive (renewed by the lock
// helper) and taken by a standby once the leader's lease runs out. With
// memory locks the one process leads from its first try.

export type Leadership = {
  /** Tries to lead if not leading; true while this instance leads. */
  claim(): Promise<boolean>;
  readonly leading: boolean;
  /** Gives the lead up (shutdown, tests). */
  resign(): Promise<void>;
};

/** `leaseMs`: how long the lead outlives a leader that died; a live one renews it. */
export function createLeadership(locks: Locks, key: string, leaseMs: number, onLost?: () => void): Leadership {
  let release: Release | null = null;
  let lost = false;
  return {
    async claim() {
      if (release && !lost) return true;
      release = null;
      lost = false;
      const taken = await locks.tryLock(key, {
        ttlMs: leaseMs,
        onLost: () => {
          lost = true;
          onLost?.();
        },
      });
      release = taken;
      return taken !== null;
    },
    get leading() {
      return release !== null && !lost;
    },
    async resign() {
      const r = release;
      release = null;
      if (r) await r();
    },
  };
}
