import "server-only";
import type { Prisma } from "@prisma/client";
import { inBackground } from "@/lib/background";
import { liveWrite, type Emit } from "@/lib/realtime/publish";
import { userTopic } from "@/lib/realtime/topics";
import { mailEnabled } from "@/lib/mail/config";
import { instantMail } from "@/lib/mail/compose";
import { kickMailOutbox } from "@/lib/mail/outbox";
import type { NotificationKind } from "@/lib/contracts/notifications";
import { toNotificationView, unreadCount } from "./views";
import { resolveRecipients, type Recipient } from "./recipients";

// Writing notifications (§15, issue 14): one row per recipient and event —
// the event's `key` makes a retried request or an event seen twice (the
// app's own write and Gitea's webhook) one notification — logged on the
// recipient's live stream in the same transaction, so every open page of
// theirs shows it at once; an email at once for those who chose it goes to
// the outbox in that transaction too (lib/mail/outbox.ts sends it later,
// so an unreachable SMTP server never fails the action).

export type NotifyEvent = {
  kind: NotificationKind;
  /** The person who acted (§15.9): never the bot. */
  actor: { login: string; name?: string | null };
  /** Logins to notify; the actor and the bot are left out. */
  to: Iterable<string>;
  rfcSlug?: string | null;
  branch?: string | null;
  prNumber?: number | null;
  /** One sentence, naming the actor. */
  text: string;
  /** The place, as an app path: the card, the message, the PR, the RFC. */
  url: string;
  /** The event's identity: the same key never notifies a person twice. */
  key: string;
  /**
   * The actor is named but did not act just now (the bot recorded the end
   * of their motion's final comment period on their behalf): they hear of it too.
   */
  actorToo?: boolean;
};

type Tx = Prisma.TransactionClient;

/** Writes the notifications inside the caller's transaction. Returns how many were new. */
export async function notifyIn(tx: Tx, emit: Emit, e: NotifyEvent, recipients: Recipient[]): Promise<number> {
  let created = 0;
  for (const r of recipients) {
    const existing = await tx.notification.findUnique({ where: { userId_key: { userId: r.id, key: e.key } }, select: { id: true } });
    if (existing) continue;
    const row = await tx.notification.create({
      data: {
        userId: r.id, kind: e.kind, actorLogin: e.actor.login, actorName: e.actor.name || e.actor.login,
        rfcSlug: e.rfcSlug ?? null, branch: e.branch ?? null, prNumber: e.prNumber ?? null, text: e.text, url: e.url, key: e.key,
      },
    });
    created++;
    emit({ topic: userTopic(r.id), type: "notification", data: { notification: toNotificationView(row), unread: await unreadCount(r.id, tx) } });
    if (r.emailMode === "instant" && r.email && mailEnabled()) await tx.mailOutbox.create({ data: instantMail(row, r) });
  }
  return created;
}

/**
 * Notifies `e.to` of an event. Never throws: a notification that cannot be
 * written is logged, and the action that caused it stands.
 */
export async function notify(e: NotifyEvent): Promise<number> {
  try {
    const recipients = await resolveRecipients(e.to, e.actorToo ? null : e.actor.login);
    if (!recipients.length) return 0;
    const created = await liveWrite((tx, emit) => notifyIn(tx, emit, e, recipients));
    if (created && recipients.some((r) => r.emailMode === "instant")) kickMailOutbox();
    return created;
  } catch (err) {
    console.error(`[quorum] notification ${e.kind} (${e.key}) not written:`, err);
    return 0;
  }
}

/** Notifies without waiting: for a route whose answer should not wait on the bell. */
export function notifyLater(e: NotifyEvent | null | undefined): void {
  if (e) void inBackground(`notification ${e.kind}`, notify(e));
}
