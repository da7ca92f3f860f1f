import type { Notification, Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import type { NotificationKind, NotificationView } from "@/lib/contracts/notifications";

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind as NotificationKind,
    actor: { login: n.actorLogin, name: n.actorName || n.actorLogin },
    rfcSlug: n.rfcSlug,
    branch: n.branch,
    prNumber: n.prNumber,
    text: n.text,
    url: n.url,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Unread notifications of one person: the bell's count (index userId, readAt). */
export const unreadCount = (userId: number, tx: Prisma.TransactionClient = db()) => tx.notification.count({ where: { userId, readAt: null } });
