import "server-only";
import type { Thread } from "@prisma/client";
import { db } from "@/lib/db/client";
import { liveWrite } from "@/lib/realtime/publish";
import { threadEvent } from "@/lib/realtime/thread-events";
import { getOrCreateMainThread } from "./main-thread";
import { changeViews, loadUserRefs, toMessage, type ChangeView, type MessageView, type UserRef, type UserRefs } from "./views";

// Messages between people and system notes (§8.4); the AI's replies are
// written by lib/ai through the same table. Every new message is logged and
// published on its thread's live stream in the transaction that saves it.

/** Who posts: the signed-in user, whose name and avatar the message carries (no users row to read again). */
export type MessageAuthor = UserRef & { id: number };

/**
 * Saves a person's message and publishes it as soon as it is stored (issue
 * 19: a reader on another instance sees it one Redis hop after the commit).
 * The transaction holds only what the event needs: the message, its number
 * in the thread's log. The thread's last activity is written after the
 * publish, as nothing a reader is shown waits for it; should only that
 * write fail, the message is stored and shown all the same, so the post
 * answers with it (an error would have the author post it a second time).
 */
export async function postUserMessage(args: { threadId: string; author: MessageAuthor; body: string }): Promise<MessageView> {
  const { id, login, name, avatarUrl } = args.author;
  const users: UserRefs = new Map([[id, { login, name, avatarUrl }]]);
  const message = await liveWrite(async (tx, emit) => {
    const row = await tx.threadMessage.create({
      data: { threadId: args.threadId, authorKind: "user", authorId: id, body: args.body, status: "complete" },
    });
    const message = toMessage(row, users);
    emit(threadEvent(args.threadId, { type: "message", data: message }));
    return message;
  });
  await db()
    .thread.update({ where: { id: args.threadId }, data: { updatedAt: new Date() } })
    .catch((err: unknown) => console.error("[quorum] thread activity time not saved:", err));
  return message;
}

/** A system note in a branch's main thread, e.g. who changed which section (§8.11). */
export async function postSystemMessage(args: {
  slug: string;
  branch: string;
  body: string;
  details?: Record<string, unknown>;
}): Promise<MessageView> {
  const thread = await getOrCreateMainThread(args.slug, args.branch);
  return liveWrite(async (tx, emit) => {
    const row = await tx.threadMessage.create({
      data: {
        threadId: thread.id,
        authorKind: "system",
        body: args.body,
        status: "complete",
        details: args.details ? JSON.stringify(args.details) : null,
      },
    });
    const message = toMessage(row, new Map());
    emit(threadEvent(thread.id, { type: "message", data: message }));
    return message;
  });
}

/** A thread's messages (oldest first) and the changes proposed in it. */
export async function listThreadMessages(thread: Thread): Promise<{ messages: MessageView[]; changes: ChangeView[] }> {
  const [rows, changes] = await Promise.all([
    db().threadMessage.findMany({ where: { threadId: thread.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db().change.findMany({ where: { threadId: thread.id }, orderBy: [{ createdAt: "asc" }, { blockIndex: "asc" }] }),
  ]);
  const users = await loadUserRefs(rows.map((m) => m.authorId));
  return { messages: rows.map((m) => toMessage(m, users)), changes: await changeViews(changes) };
}
