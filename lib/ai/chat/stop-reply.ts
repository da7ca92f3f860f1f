import "server-only";
import type { Thread } from "@prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseObject } from "@/lib/db/json";
import { conflict, notFound } from "@/lib/http/errors";
import { liveWrite } from "@/lib/realtime/publish";
import { threadEvent } from "@/lib/realtime/thread-events";
import type { RfcContext } from "@/lib/rfcs/context";
import { toMessage, type MessageView } from "@/lib/threads/views";
import type { ReplyDetails } from "./reply-writer";
import { requestStop } from "./stop";

// Stop (issue 14): asks the running reply to end (it keeps what it wrote and
// is stored complete, "stopped by …"). A reply that nobody is writing any
// more — its process died — cannot hear the request: it is failed here once
// it has been silent longer than the idle timeout.

export async function stopAiReply(args: { thread: Thread; rfc: RfcContext; messageId: string; user: SessionUser }): Promise<MessageView> {
  const row = await db().threadMessage.findUnique({ where: { id: args.messageId } });
  if (!row || row.threadId !== args.thread.id || row.authorKind !== "ai") throw notFound("AI reply not found");
  const details = parseObject<Partial<ReplyDetails>>(row.details ?? "{}", {});
  assertCan(args.user, "stop_ai_reply", { rfc: args.rfc.scope, authorLogin: details.askedBy });
  if (row.status !== "streaming") throw conflict(`This reply has already ${row.status === "complete" ? "finished" : "failed"}.`, { status: row.status });
  requestStop(row.id, { login: args.user.login, name: args.user.name || args.user.login });
  const ai = getConfig().ai;
  const silentMs = (ai.enabled ? ai.idleTimeoutS : 60) * 1000 + 5000;
  if (Date.now() - row.updatedAt.getTime() < silentMs) return toMessage(row, new Map());
  return liveWrite(async (tx, emit) => {
    const res = await tx.threadMessage.updateMany({
      where: { id: row.id, status: "streaming" },
      data: { status: "failed", error: "The reply was interrupted (the server stopped while it was being written)." },
    });
    const now = await tx.threadMessage.findUniqueOrThrow({ where: { id: row.id } });
    if (res.count) emit(threadEvent(row.threadId, { type: "message_updated", data: toMessage(now, new Map()) }));
    return toMessage(now, new Map());
  });
}
