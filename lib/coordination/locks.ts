import { getConfig } from "@/lib/config";
import { createMemoryLocks } from "./memory-locks";

// The one lock helper: named locks that serialise work on one thing (a
// branch's change decisions, §8.9; a graduation, §13.3). The implementation
// is chosen by COORDINATION (lib/config.ts); `memory` holds them in this
// process, which is enough for one server process (§2). Every method is
// async so a lock shared by several processes can implement it.

export type Release = () => Promise<void>;

export interface Locks {
  /** Runs `fn` once every earlier holder of `key` has finished (first come, first served). */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Takes `key` if nobody holds it; null when held. The caller must release it. */
  tryLock(key: string): Promise<Release | null>;
  isLocked(key: string): Promise<boolean>;
}

const g = globalThis as unknown as { quorumLocks?: Locks };

export function getLocks(): Locks {
  if (!g.quorumLocks) {
    const kind = getConfig().coordination;
    g.quorumLocks = { memory: createMemoryLocks }[kind]();
  }
  return g.quorumLocks;
}
