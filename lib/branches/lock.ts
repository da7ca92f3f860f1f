import { getLocks } from "@/lib/coordination/locks";

// One lock per branch of an RFC, whatever repo it lives in (§8.9, §8.11):
// change decisions, manual-edit flushes, updates from main and moves between
// public and private run one after the other on a branch, so none of them
// reads a head another is about to replace.

export const branchLockKey = (slug: string, branch: string) => `branch:${slug}\n${branch}`;

export function withBranchLock<T>(slug: string, branch: string, fn: () => Promise<T>): Promise<T> {
  return getLocks().withLock(branchLockKey(slug, branch), fn);
}
