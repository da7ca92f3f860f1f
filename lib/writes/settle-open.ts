import "server-only";
import type { GitWrite } from "@prisma/client";
import { settleOpenAccept } from "@/lib/changes/decide/accept-write";
import { getLocks } from "@/lib/coordination/locks";
import { settleOpenFlush } from "@/lib/rfc-docs/flush";
import { branchLockKey } from "@/lib/branches/lock";
import { settleOpenMove } from "@/lib/private/move-journal";
import { settleOpenMerge } from "@/lib/prs/merge-write";
import { openWritesToSettle, pruneWrites, requestOf } from "./journal";
import { mergeKey } from "./keys";
import { processStartedAt } from "./process-start";

// The reconciler's half of issue 13 item 4: writes a crash or a lost answer
// left open are settled from what Git holds — an accept whose commit (found
// by its Change-Id) landed is recorded accepted with it, a flush whose
// commit landed gets its chat note, a merge that landed gets its audit row;
// a move between public and private is finished or undone (its app row
// says which); one that never landed is marked failed so it can be tried again.

/** A write no request is still settling has been open this long at least. */
const ABANDONED_AFTER_MS = 60_000;

const lockOf = (w: GitWrite) =>
  w.kind === "merge" ? mergeKey(w.repo, requestOf<{ number: number }>(w).number ?? 0) : branchLockKey(w.rfcSlug, w.branch);

async function settle(w: GitWrite): Promise<unknown> {
  if (w.kind === "accept") return settleOpenAccept(w);
  if (w.kind === "flush") return settleOpenFlush(w);
  if (w.kind === "merge") return settleOpenMerge(w);
  if (w.kind === "move") return settleOpenMove(w);
  return null;
}

/**
 * Settles every abandoned open write it can lock now; the rest wait for the
 * next tick. `abandonedAfterMs` (tests): how long a write of this process
 * must have been open. Never throws.
 */
export async function settleOpenWrites(opts: { abandonedAfterMs?: number } = {}): Promise<{ settled: number; failed: number }> {
  let settled = 0;
  let failed = 0;
  try {
    for (const w of await openWritesToSettle(opts.abandonedAfterMs ?? ABANDONED_AFTER_MS, processStartedAt)) {
      const key = lockOf(w);
      const release = key ? await getLocks().tryLock(key) : null;
      if (!release) continue; // a request holds it: it settles its own write
      try {
        if (await settle(w)) settled++;
        else failed++;
      } catch (err) {
        console.warn(`[quorum] could not settle the ${w.kind} write ${w.id} yet:`, err instanceof Error ? err.message : err);
      } finally {
        await release();
      }
    }
    await pruneWrites();
  } catch (err) {
    console.error("[quorum] settling open writes failed", err);
  }
  return { settled, failed };
}
