import "server-only";
import type { Thread } from "@prisma/client";
import { AISDKError } from "ai";
import { findModel, getLanguageModel } from "@/lib/ai/providers";
import { aiStatus } from "@/lib/ai/status";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { BranchContext } from "@/lib/branches/context";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/http/errors";
import { sseResponse } from "@/lib/http/sse";
import { toAppError } from "@/lib/http/to-app-error";
import type { RfcContext } from "@/lib/rfcs/context";
import { postUserMessage } from "@/lib/threads/messages";
import { loadChatContext } from "./context";
import { mentionsAi } from "./mention";
import { takeAiRequest } from "./rate-limit";
import { createReplyWriter, failAbandonedReplies } from "./reply-writer";
import { describeAiError } from "./describe-error";
import { streamReply } from "./stream-reply";

// POST /api/threads/{id}/messages when the AI is asked (§8.4, §18), in
// STYLE.md's order: (validated and authenticated by the route) → may ask the
// AI → rate limit → save the user's message → create the AI message row →
// stream → finish the row complete or failed, whatever happens (finally).


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

  const message = await postUserMessage({ threadId: thread.id, userId: user.id, body: args.body });
  await failAbandonedReplies(thread.id, (settings.timeoutS + 60) * 1000);
  const writer = await createReplyWriter({ threadId: thread.id, modelId: model.id });
  const target = { slug: rfc.slug, branch: branch.name, onMain: branch.isMain, threadId: thread.id, messageId: writer.id, modelId: model.id, askedBy: user.id };

  return sseResponse(
    async (send, streamSignal) => {
      send("message", message);
      send("message", writer.view());
      let failure: string | null = null;
      try {
        const ctx = await loadChatContext({ thread, rfc, branch: branch.place, contextTokens: settings.contextTokens, replyId: writer.id });
        const signal = AbortSignal.any([streamSignal, req.signal]);
        ({ failure } = await streamReply({ model: languageModel, ctx, target, writer, send, signal, timeoutS: settings.timeoutS }));
      } catch (err) {
        // The provider's errors in the provider's words; ours through the one error policy.
        failure = AISDKError.isInstance(err) ? describeAiError(err) : toAppError(err, `AI reply ${writer.id}`).message;
      } finally {
        const final = await writer.finish({ status: failure ? "failed" : "complete", error: failure });
        if (failure) {
          console.warn(`[quorum] AI reply ${writer.id} failed: ${failure}`);
          send("error", { id: writer.id, messageId: writer.id, status: "failed", message: failure });
        }
        send("done", { message: final });
      }
    },
    { signal: req.signal, where: `AI reply ${writer.id}` },
  );
}
