import "server-only";
import type { Change } from "@prisma/client";
import { db } from "@/lib/db/client";
import { threadEvents } from "@/lib/realtime/thread-events";
import { loadUserRefs, toChange, type ChangeView } from "@/lib/threads/views";

// Status changes of a change card (§8.8), each published to its thread so
// every open card panel shows it at once (§8.4).

async function announce(row: Change): Promise<ChangeView> {
  const view = toChange(row, await loadUserRefs([row.decidedBy]));
  if (row.threadId) threadEvents.publish(row.threadId, { type: "change_updated", data: view });
  return view;
}

/** §8.11: the original no longer occurs exactly once. Only a pending change turns stale. */
export async function markStale(row: Change, reason: string): Promise<void> {
  const res = await db().change.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "stale", statusReason: reason } });
  if (res.count) await announce({ ...row, status: "stale", statusReason: reason });
}

export async function markFailed(row: Change, reason: string): Promise<void> {
  await announce(await db().change.update({ where: { id: row.id }, data: { status: "failed", statusReason: reason } }));
}

/** Committed: recorded whatever the row said meanwhile, because Git now holds it. */
export async function markAccepted(row: Change, by: { userId: number; commitSha: string; editedText: string | null }): Promise<ChangeView> {
  const updated = await db().change.update({
    where: { id: row.id },
    data: { status: "accepted", statusReason: null, decidedBy: by.userId, decidedAt: new Date(), commitSha: by.commitSha, editedText: by.editedText },
  });
  return announce(updated);
}

/** Declined: who and when (§8.9). Guarded so a decline racing an accept cannot undo it. */
export async function markDeclined(row: Change, userId: number): Promise<ChangeView | null> {
  const res = await db().change.updateMany({
    where: { id: row.id, status: row.status },
    data: { status: "declined", decidedBy: userId, decidedAt: new Date() },
  });
  if (!res.count) return null;
  return announce(await db().change.findUniqueOrThrow({ where: { id: row.id } }));
}
