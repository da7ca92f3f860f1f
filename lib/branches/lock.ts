import { getConfig } from "@/lib/config";
import { getLocks } from "@/lib/coordination/locks";

// One lock per branch of an RFC, whatever repo it lives in (§8.9, §8.11):
// change decisions, manual-edit flushes, updates from main and moves between
// public and private run one after the other on a branch, so none of them
// reads a head another is about to replace. Every holder's Gitea calls have
// a deadline (GITEA_TIMEOUT_S), and a caller waits at most two of them for
// its turn before being asked to try again: no queue hangs on a slow Gitea.

export const branchLockKey = (slug: string, branch: string) => `branch:${slug}\n${branch}`;

export function withBranchLock<T>(slug: string, branch: string, fn: () => Promise<T>): Promise<T> {
  return getLocks().withLock(branchLockKey(slug, branch), fn, {
    waitMs: 2 * getConfig().giteaTimeoutMs,
    busy: `Another change to ${branch} is still being written to Gitea; try again in a moment.`,
  });
}
