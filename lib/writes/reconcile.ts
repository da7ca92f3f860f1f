import "server-only";
import { failDeadRepairs } from "@/lib/ai/chat/fail-dead-repairs";
import { failRepliesOfStoppedServer } from "@/lib/ai/chat/reply-writer";
import { getConfig } from "@/lib/config";
import { recoverGraduations } from "@/lib/graduation/recover";
import { healLandedChanges } from "./heal-landed";
import { processStartedAt } from "./process-start";
import { settleOpenWrites } from "./settle-open";

/**
 * The app-data half of the reconciler (issue 12 item 6, issue 13 item 4),
 * run before each sweep, the startup one first: no reply stays streaming
 * after a restart (nor an AI repair), a graduation a stopped server left running is completed
 * or rolled back, writes left open are settled from Git, and a pending
 * change whose commit is on its branch is recorded accepted. Never throws.
 */
export async function reconcileAppState(): Promise<void> {
  try {
    const failed = await failRepliesOfStoppedServer(interruptedBefore());
    if (failed) console.warn(`[quorum] ${failed} AI repl${failed === 1 ? "y was" : "ies were"} interrupted by a restart and marked failed`);
  } catch (err) {
    console.error("[quorum] could not fail interrupted replies", err);
  }
  try {
    const failed = await failDeadRepairs(interruptedBefore());
    if (failed) console.warn(`[quorum] ${failed} AI repair${failed === 1 ? " was" : "s were"} interrupted by a restart and marked failed`);
  } catch (err) {
    console.error("[quorum] could not fail interrupted repairs", err);
  }
  await recoverGraduations();
  await settleOpenWrites();
  const healed = await healLandedChanges();
  if (healed) console.warn(`[quorum] ${healed} pending change${healed === 1 ? " was" : "s were"} found accepted in Git and recorded so`);
}

/**
 * Replies begun before this are dead: with one process, those begun before it
 * started; with several instances (another may be writing one now), those
 * older than the longest a reply may take, plus a minute.
 */
function interruptedBefore(): Date {
  const { coordination, ai } = getConfig();
  if (coordination === "memory") return processStartedAt;
  const longestS = (ai.enabled ? ai.timeoutS : 120) + 60;
  return new Date(Math.min(processStartedAt.getTime(), Date.now() - longestS * 1000));
}
