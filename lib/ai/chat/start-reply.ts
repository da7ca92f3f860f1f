import "server-only";
import type { Thread } from "@prisma/client";
import { findModel, getLanguageModel } from "@/lib/ai/providers";
import { aiStatus } from "@/lib/ai/status";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { BranchContext } from "@/lib/branches/context";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/http/errors";
import { sseResponse } from "@/lib/http/sse";
import { notifyMentions } from "@/lib/notifications/events";
import { liveWrite } from "@/lib/realtime/publish";
import { threadEvent } from "@/lib/realtime/thread-events";
import type { RfcContext } from "@/lib/rfcs/context";
import { loadUserRefs, toMessage } from "@/lib/threads/views";
import { mentionsAi } from "./mention";
import { takeAiRequest } from "./rate-limit";
import { startReplyRun } from "./reply-run";
import { createReplyWriter, type ReplyDetails } from "./reply-writer";

// POST /api/threads/{id}/messages when the AI is asked (§8.4, §18), in
// STYLE.md's order: (validated and authenticated by the route) → may ask the
// AI → rate limit → open the stream → save the question and the reply's row
// in one transaction → the reply runs (reply-run.ts) and this stream watches
// it. The stream opens before any write, so its first byte does not wait on
// the database (issue 15 item 5); a failed write is an `error` event.

/** Asked explicitly, or mentioned while an AI is configured (else `@ai` is just text: human chat works, §18). */
export const wantsAiReply = (input: { body: string; askAi?: boolean }) =>
  input.askAi === true || (mentionsAi(input.body) && getConfig().ai.enabled);

export async function startAiReply(args: {
  req: Request;
  user: SessionUser;
  thread: Thread;
  rfc: RfcContext;
  branch: BranchContext;
  body: string;
  model?: string | null;
}): Promise<Response> {
  const { req, user, thread, rfc, branch } = args;
  assertCan(user, "ask_ai", { rfc: rfc.scope, branch: branch.scope });
  const settings = getConfig().ai;
  if (!settings.enabled) {
    const off = aiStatus(user); // who can turn it on; for an admin, also what to set
    throw new AppError("unprocessable", [off.reason, off.setup].filter(Boolean).join(" "));
  }
  const model = findModel(settings, args.model); // 400 for a model the picker does not offer
  const languageModel = getLanguageModel(model.id, settings);
  takeAiRequest(user.id, settings.ratePerMinute);

  return sseResponse(
    async (send, signal) => {
      const users = await loadUserRefs([user.id]);
      const details: ReplyDetails = { parts: [], askedBy: user.login };
      const { question, reply } = await liveWrite(async (tx, emit) => {
        // A reply a dead process left streaming past the cap can never finish (§18): failed here.
        await tx.threadMessage.updateMany({
          where: { threadId: thread.id, authorKind: "ai", status: "streaming", updatedAt: { lt: new Date(Date.now() - (settings.timeoutS + 60) * 1000) } },
          data: { status: "failed", error: "The reply was interrupted (the server stopped while it was being written)." },
        });
        const question = await tx.threadMessage.create({ data: { threadId: thread.id, authorKind: "user", authorId: user.id, body: args.body, status: "complete" } });
        const reply = await tx.threadMessage.create({
          data: { threadId: thread.id, authorKind: "ai", modelId: model.id, status: "streaming", body: "", details: JSON.stringify(details) },
        });
        await tx.thread.update({ where: { id: thread.id }, data: { updatedAt: new Date() } });
        emit(threadEvent(thread.id, { type: "message", data: toMessage(question, users) }));
        emit(threadEvent(thread.id, { type: "message", data: toMessage(reply, new Map()) }));
        return { question, reply };
      });
      send("message", toMessage(question, users));
      void notifyMentions({ slug: rfc.slug, branch: branch.name, threadId: thread.id, threadKind: thread.kind, messageId: question.id, body: args.body, author: user });
      const writer = createReplyWriter(reply, user.login);
      send("message", writer.view());
      const target = { slug: rfc.slug, branch: branch.name, onMain: branch.isMain, threadId: thread.id, messageId: writer.id, modelId: model.id, askedBy: user.id };
      const run = startReplyRun({ model: languageModel, settings, thread, rfc, branch, writer, target });
      // Watched from here on (the run sends nothing before its first await); leaving stops the watching, never the reply.
      const unwatch = run.watch(send);
      await Promise.race([run.done, new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })))]);
      unwatch();
    },
    { signal: req.signal, where: "AI reply" },
  );
}
