import "server-only";
import { db } from "@/lib/db/client";
import { liveWrite } from "@/lib/realtime/publish";
import { topicSeq } from "@/lib/realtime/log";
import { userTopic } from "@/lib/realtime/topics";
import type { NotificationView } from "@/lib/contracts/notifications";
import { toNotificationView, unreadCount } from "./views";

// The bell's data (§15, §17 GET /api/notifications, POST …/read): newest
// first in pages — a page ends at an id, the next one starts after it
// (createdAt, id), so a notification arriving meanwhile does not shift it —
// with the unread count and the live stream's number it was read at.

export const PAGE_SIZE = 20;

export type NotificationPage = { notifications: NotificationView[]; unread: number; next: string | null; liveSeq: number };

export async function listNotifications(userId: number, opts: { after?: string; limit?: number } = {}): Promise<NotificationPage> {
  const limit = opts.limit ?? PAGE_SIZE;
  const liveSeq = await topicSeq(userTopic(userId)); // before the read: what comes later is replayed
  const from = opts.after ? await db().notification.findFirst({ where: { id: opts.after, userId }, select: { createdAt: true, id: true } }) : null;
  const rows = await db().notification.findMany({
    where: {
      userId,
      ...(from ? { OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { notifications: page.map(toNotificationView), unread: await unreadCount(userId), next: rows.length > limit ? page[page.length - 1].id : null, liveSeq };
}

/** Marks some (or all) of one person's notifications read; every open page of theirs follows. */
export async function markRead(userId: number, which: { ids: string[] } | { all: true }): Promise<{ unread: number }> {
  return liveWrite(async (tx, emit) => {
    const now = new Date();
    const where = "all" in which ? { userId, readAt: null } : { userId, readAt: null, id: { in: which.ids } };
    const res = await tx.notification.updateMany({ where, data: { readAt: now } });
    const unread = await unreadCount(userId, tx);
    if (res.count) emit({ topic: userTopic(userId), type: "notifications_read", data: { ids: "all" in which ? null : which.ids, unread } });
    return { unread };
  });
}
