import { getConfig } from "@/lib/config";

/**
 * A test hook for the crash tests (issue 12 item 6): at the point named by
 * QUORUM_TEST_CRASH_AT, and only when QUORUM_TEST_HOOKS=1, the process kills
 * itself with SIGKILL — no cleanup, no `finally`, as `kill -9` would. Points
 * are named `<flow>:<where>` (accept:after-write, graduation:merge_pr:after …).
 */
export function crashPoint(name: string): void {
  if (getConfig().testCrashAt !== name) return;
  console.error(`[quorum] test crash point ${name}: SIGKILL`);
  process.kill(process.pid, "SIGKILL");
}
