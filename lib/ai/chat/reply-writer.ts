import "server-only";
import { db } from "@/lib/db/client";
import { threadEvents } from "@/lib/realtime/thread-events";
import { toMessage, type MessageView } from "@/lib/threads/views";

// §18 Streaming: the AI message row is created at once (status streaming),
// updated as text arrives (at most every FLUSH_MS, so a fast model does not
// turn into a write per token) and finished complete or failed. Other viewers
// follow through the thread's event bus (§8.4).
//
// `body` is the prose without protocol tags; `details.parts` keeps the
// reply's order, so the UI draws a card placeholder where each block was.

export type ReplyPart =
  | { kind: "text"; text: string }
  | { kind: "change"; index: number; changeId: string }
  | { kind: "malformed"; index: number; reason: string }
  /** A block the reply was cut off in: never a row (§18). */
  | { kind: "incomplete" };

const FLUSH_MS = 250;

export type ReplyWriter = {
  id: string;
  view(): MessageView;
  appendText(text: string): void;
  addPart(part: Exclude<ReplyPart, { kind: "text" }>): void;
  /** Whether anything but whitespace arrived. */
  hasContent(): boolean;
  /** Saves and publishes what arrived, unless that happened less than FLUSH_MS ago. */
  flushSoon(): Promise<void>;
  finish(outcome: { status: "complete" | "failed"; error?: string | null }): Promise<MessageView>;
};

export async function createReplyWriter(args: { threadId: string; modelId: string }): Promise<ReplyWriter> {
  let row = await db().threadMessage.create({
    data: { threadId: args.threadId, authorKind: "ai", modelId: args.modelId, status: "streaming", body: "", details: JSON.stringify({ parts: [] }) },
  });
  const parts: ReplyPart[] = [];
  let body = "";
  let saved = Date.now();
  let dirty = false;

  const view = () => toMessage(row, new Map());
  threadEvents.publish(args.threadId, { type: "message", data: view() });

  const save = async (data: { status?: string; error?: string | null } = {}) => {
    row = await db().threadMessage.update({ where: { id: row.id }, data: { body, details: JSON.stringify({ parts }), ...data } });
    saved = Date.now();
    dirty = false;
    threadEvents.publish(args.threadId, { type: "message_updated", data: view() });
  };

  return {
    id: row.id,
    view,
    appendText(text) {
      if (!text) return;
      body += text;
      const last = parts[parts.length - 1];
      if (last?.kind === "text") last.text += text;
      else parts.push({ kind: "text", text });
      dirty = true;
    },
    addPart(part) {
      parts.push(part);
      dirty = true;
    },
    hasContent: () => parts.some((p) => p.kind !== "text" || p.text.trim() !== ""),
    async flushSoon() {
      if (dirty && Date.now() - saved >= FLUSH_MS) await save();
    },
    async finish({ status, error = null }) {
      await save({ status, error });
      await db().thread.update({ where: { id: args.threadId }, data: { updatedAt: new Date() } });
      return view();
    },
  };
}

/**
 * A reply left `streaming` by a process that died mid-stream would spin
 * forever: once it is older than the timeout, it is failed (§18 "always
 * ends complete or failed").
 */
export async function failAbandonedReplies(threadId: string, olderThanMs: number): Promise<void> {
  await db().threadMessage.updateMany({
    where: { threadId, authorKind: "ai", status: "streaming", updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
    data: { status: "failed", error: "The reply was interrupted (the server stopped while it was being written)." },
  });
}

/**
 * Issue 12 item 6: after a restart, a reply that was streaming when the
 * server stopped (it was begun before this process started) can never
 * finish: it is failed at once, not after the timeout.
 */
export async function failRepliesOfStoppedServer(processStartedAt: Date): Promise<number> {
  const res = await db().threadMessage.updateMany({
    where: { authorKind: "ai", status: "streaming", createdAt: { lt: processStartedAt } },
    data: { status: "failed", error: "The reply was interrupted (the server stopped while it was being written)." },
  });
  return res.count;
}
