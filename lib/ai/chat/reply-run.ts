import "server-only";
import type { Thread } from "@prisma/client";
import { AISDKError } from "ai";
import { inBackground } from "@/lib/background";
import type { AiSettings } from "@/lib/ai/models";
import type { ResolvedModel } from "@/lib/ai/providers";
import type { BranchContext } from "@/lib/branches/context";
import type { SseSend } from "@/lib/http/sse";
import { toAppError } from "@/lib/http/to-app-error";
import type { RfcContext } from "@/lib/rfcs/context";
import type { MessageView } from "@/lib/threads/views";
import type { ReplyTarget } from "./change-row";
import { loadChatContext } from "./context";
import type { ReplyWriter } from "./reply-writer";
import { onStopRequest, type StopRequest } from "./stop";
import { describeAiError } from "./describe-error";
import { streamReply } from "./stream-reply";

// An AI reply runs on its own, not inside the request that asked for it
// (issue 14): the asker's SSE stream watches it while it is open, and when
// the asker leaves the reply goes on and is stored complete — everyone else
// follows it on the thread's live stream. Only Stop or a timeout ends it early.

export type ReplyRun = {
  /** Forwards the run's events to one stream until the returned function is called. */
  watch(send: SseSend): () => void;
  /** The message as stored at the end, complete or failed; never rejects. */
  done: Promise<MessageView>;
};

type Enabled = Extract<AiSettings, { enabled: true }>;

export function startReplyRun(args: {
  model: ResolvedModel;
  settings: Enabled;
  thread: Thread;
  rfc: RfcContext;
  branch: BranchContext;
  writer: ReplyWriter;
  target: ReplyTarget;
}): ReplyRun {
  const { writer, settings } = args;
  const watchers = new Set<SseSend>();
  const send: SseSend = (event, data, id) => {
    for (const w of watchers) w(event, data, id);
  };
  const stop = new AbortController();
  let stoppedBy: StopRequest | null = null;
  const offStop = onStopRequest(writer.id, (by) => {
    stoppedBy ??= by;
    stop.abort();
  });

  const run = async (): Promise<MessageView> => {
    let failure: string | null = null;
    let stopped = false;
    try {
      const ctx = await loadChatContext({ thread: args.thread, rfc: args.rfc, branch: args.branch.place, contextTokens: settings.contextTokens, replyId: writer.id });
      ({ failure, stopped } = await streamReply({
        model: args.model, ctx, target: args.target, writer, send, stop: stop.signal, idleTimeoutS: settings.idleTimeoutS, timeoutS: settings.timeoutS,
      }));
    } catch (err) {
      // The provider's errors in the provider's words; ours through the one error policy.
      failure = AISDKError.isInstance(err) ? describeAiError(err) : toAppError(err, `AI reply ${writer.id}`).message;
    } finally {
      offStop();
    }
    try {
      const final = await writer.finish({ status: failure ? "failed" : "complete", error: failure, stoppedBy: stopped && stoppedBy ? stoppedBy : undefined });
      if (failure) {
        console.warn(`[quorum] AI reply ${writer.id} failed: ${failure}`);
        send("error", { id: writer.id, messageId: writer.id, status: "failed", message: failure });
      }
      send("done", { message: final });
      return final;
    } catch (err) {
      console.error(`[quorum] AI reply ${writer.id} could not be stored:`, err);
      const fallback = { ...writer.view(), status: "failed" as const, error: "The reply could not be stored." };
      send("done", { message: fallback });
      return fallback;
    }
  };

  return {
    watch(w) {
      watchers.add(w);
      return () => void watchers.delete(w);
    },
    done: inBackground(`AI reply ${writer.id}`, run()),
  };
}
