import "server-only";
import type { Change, Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { notifyCardMentions, notifyChangeDecided } from "@/lib/notifications/events";
import { liveWrite, type Emit } from "@/lib/realtime/publish";
import { changeEvents } from "@/lib/realtime/thread-events";
import { loadUserRefs, toChange, type ChangeView } from "@/lib/threads/views";

// Status changes of a change card (§8.8), each logged and published with the
// write that makes it, on its thread's stream and its branch's, so every open
// card panel shows it at once (§8.4, issue 14).

type Tx = Prisma.TransactionClient;

async function announce(row: Change, emit: Emit): Promise<ChangeView> {
  const view = toChange(row, await loadUserRefs([row.decidedBy]));
  for (const e of changeEvents(row, "change_updated", view)) emit(e);
  return view;
}

/** Runs one guarded status write and announces the row it leaves, if it wrote. */
function decide(write: (tx: Tx) => Promise<Change | null>): Promise<ChangeView | null> {
  return liveWrite(async (tx, emit) => {
    const row = await write(tx);
    return row ? announce(row, emit) : null;
  });
}

/** §8.11: the original no longer occurs exactly once. Only a pending change turns stale. */
export async function markStale(row: Change, reason: string): Promise<boolean> {
  const view = await decide(async (tx) => {
    const res = await tx.change.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "stale", statusReason: reason } });
    return res.count ? { ...row, status: "stale", statusReason: reason } : null;
  });
  return view !== null;
}

export async function markFailed(row: Change, reason: string): Promise<void> {
  await decide((tx) => tx.change.update({ where: { id: row.id }, data: { status: "failed", statusReason: reason } }));
}

/** The person who asked the AI for the change hears who decided it (§15). */
async function tellAsker(row: Change, verb: "accepted" | "declined", userId: number): Promise<void> {
  const u = await db().user.findUnique({ where: { id: userId }, select: { login: true, name: true } });
  if (u) await notifyChangeDecided(row, verb, u);
}

/** Committed: recorded whatever the row said meanwhile, because Git now holds it. */
export async function markAccepted(row: Change, by: { userId: number; commitSha: string; editedText: string | null }): Promise<ChangeView> {
  const view = await decide((tx) =>
    tx.change.update({
      where: { id: row.id },
      data: { status: "accepted", statusReason: null, decidedBy: by.userId, decidedAt: new Date(), commitSha: by.commitSha, editedText: by.editedText },
    }),
  );
  await tellAsker(row, "accepted", by.userId);
  if (by.editedText !== null) {
    await notifyCardMentions({ change: row, texts: [by.editedText], known: [row.original, row.proposed, row.reason], authorId: by.userId, edit: true });
  }
  return view!;
}

/** Declined: who and when (§8.9). Guarded so a decline racing an accept cannot undo it. */
export async function markDeclined(row: Change, userId: number): Promise<ChangeView | null> {
  const view = await decide(async (tx) => {
    const res = await tx.change.updateMany({
      where: { id: row.id, status: row.status },
      data: { status: "declined", decidedBy: userId, decidedAt: new Date() },
    });
    return res.count ? tx.change.findUniqueOrThrow({ where: { id: row.id } }) : null;
  });
  if (view) await tellAsker(row, "declined", userId);
  return view;
}
