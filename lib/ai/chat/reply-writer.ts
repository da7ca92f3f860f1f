import "server-only";
import type { ThreadMessage } from "@prisma/client";
import { db } from "@/lib/db/client";
import { liveWrite, publishEphemeral } from "@/lib/realtime/publish";
import { threadEvent } from "@/lib/realtime/thread-events";
import { toMessage, type MessageView } from "@/lib/threads/views";

// §18 Streaming: the AI message row exists from the start (status
// streaming, start-reply.ts), takes the text in batches — every SAVE_MS or
// SAVE_BYTES, never a write per chunk (issue 15 item 5) — and is finished
// complete or failed. Other viewers follow on the thread's live stream: the
// text as it grows (ephemeral, at most every PUBLISH_MS), and the finished
// message logged with its final write, so a late or reconnecting viewer
// always ends with the whole reply (issue 14).
//
// `body` is the prose without protocol tags; `details.parts` keeps the
// reply's order, so the UI draws a card placeholder where each block was.

export type ReplyPart =
  | { kind: "text"; text: string }
  | { kind: "change"; index: number; changeId: string }
  | { kind: "malformed"; index: number; reason: string }
  /** A block the reply was cut off in: never a row (§18). */
  | { kind: "incomplete" };

/** Who asked, and who stopped the reply early (the Stop button): kept in the message's details. */
export type ReplyDetails = { parts: ReplyPart[]; askedBy?: string; stoppedBy?: { login: string; name: string } };

const SAVE_MS = 100;
const SAVE_BYTES = 2048;
const PUBLISH_MS = 250;

export type ReplyWriter = {
  id: string;
  view(): MessageView;
  appendText(text: string): void;
  addPart(part: Exclude<ReplyPart, { kind: "text" }>): void;
  /** Whether anything but whitespace arrived. */
  hasContent(): boolean;
  /** Saves what arrived once a batch is due (time or size); cheap when it is not. */
  flushSoon(): Promise<void>;
  finish(outcome: { status: "complete" | "failed"; error?: string | null; stoppedBy?: ReplyDetails["stoppedBy"] }): Promise<MessageView>;
};

/** The writer of a reply whose row (status streaming) was created with the question. */
export function createReplyWriter(created: ThreadMessage, askedBy: string): ReplyWriter {
  let row = created;
  const details: ReplyDetails = { parts: [], askedBy };
  const parts = details.parts;
  let body = "";
  let saved = Date.now();
  let published = 0;
  let unsaved = 0; // bytes of text since the last save
  let dirty = false;

  const view = () => toMessage(row, new Map());
  const save = async () => {
    row = await db().threadMessage.update({ where: { id: row.id }, data: { body, details: JSON.stringify(details) } });
    saved = Date.now();
    unsaved = 0;
    dirty = false;
    if (saved - published >= PUBLISH_MS) {
      published = saved;
      publishEphemeral(threadEvent(row.threadId, { type: "message_updated", data: view() }));
    }
  };

  return {
    id: row.id,
    view,
    appendText(text) {
      if (!text) return;
      body += text;
      unsaved += text.length;
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
      if (dirty && (unsaved >= SAVE_BYTES || Date.now() - saved >= SAVE_MS)) await save();
    },
    async finish({ status, error = null, stoppedBy }) {
      if (stoppedBy) details.stoppedBy = stoppedBy;
      row = await liveWrite(async (tx, emit) => {
        const done = await tx.threadMessage.update({ where: { id: row.id }, data: { body, details: JSON.stringify(details), status, error } });
        await tx.thread.update({ where: { id: done.threadId }, data: { updatedAt: new Date() } });
        emit(threadEvent(done.threadId, { type: "message_updated", data: toMessage(done, new Map()) }));
        return done;
      });
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
