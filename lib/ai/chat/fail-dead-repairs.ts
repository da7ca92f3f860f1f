import "server-only";
import { failDeadRepair, readDetails, repairIsDead, writeDetails } from "@/lib/changes/details";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { publishLive } from "@/lib/realtime/publish";
import { changeEvents } from "@/lib/realtime/thread-events";
import { toChange } from "@/lib/threads/views";

/**
 * Issue 16: a repair the server was answering when it stopped stays
 * "running" in the card's details and would show "Asking the AI…" for ever.
 * The reconciler (at startup, then before each sweep) fails every repair
 * begun before `startedBefore` (its restart cutoff) or older than the AI
 * timeout, so the card says so and "Ask the AI to fix" works again; each
 * viewer's card follows live. Returns how many it failed.
 */
export async function failDeadRepairs(startedBefore: Date): Promise<number> {
  const ai = getConfig().ai;
  const timeoutS = ai.enabled ? ai.timeoutS : 0;
  // Only an invalid card is ever repaired; the JSON match narrows to the few with a repair running.
  const rows = await db().change.findMany({ where: { status: "invalid", details: { contains: '"state":"running"' } } });
  let failed = 0;
  for (const row of rows) {
    const details = readDetails(row.details);
    if (!repairIsDead(details, { timeoutS, startedBefore })) continue;
    // Conditional on the details read: a repair that ended meanwhile is left as it ended.
    const res = await db().change.updateMany({
      where: { id: row.id, status: "invalid", details: row.details },
      data: { details: writeDetails(failDeadRepair(details)) },
    });
    if (!res.count) continue;
    failed++;
    const now = await db().change.findUniqueOrThrow({ where: { id: row.id } });
    await publishLive(...changeEvents(now, "change_updated", toChange(now, new Map())));
  }
  return failed;
}
