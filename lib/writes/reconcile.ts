import "server-only";
import { failRepliesOfStoppedServer } from "@/lib/ai/chat/reply-writer";
import { recoverGraduations } from "@/lib/graduation/recover";
import { processStartedAt } from "./process-start";
import { settleOpenWrites } from "./settle-open";

/**
 * The app-data half of the reconciler (issue 12 item 6, issue 13 item 4),
 * run before each sweep, the startup one first: no reply stays streaming
 * after a restart, a graduation a stopped server left running is completed
 * or rolled back, and writes left open are settled from Git. Never throws.
 */
export async function reconcileAppState(): Promise<void> {
  try {
    const failed = await failRepliesOfStoppedServer(processStartedAt);
    if (failed) console.warn(`[quorum] ${failed} AI repl${failed === 1 ? "y was" : "ies were"} interrupted by a restart and marked failed`);
  } catch (err) {
    console.error("[quorum] could not fail interrupted replies", err);
  }
  await recoverGraduations();
  await settleOpenWrites();
}
