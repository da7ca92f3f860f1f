import "server-only";
import { streamText } from "ai";
import type { ResolvedModel } from "@/lib/ai/providers";
import { createChangeStreamParser, type ParseEvent } from "@/lib/changes/parser";
import type { SseSend } from "@/lib/http/sse";
import { createChangeRow, type ReplyTarget } from "./change-row";
import type { ChatContext } from "./context";
import { countWords, describeAiError } from "./describe-error";
import type { ReplyWriter } from "./reply-writer";

// §18 Streaming: the model's text goes through the change parser as it
// arrives. Prose goes out as `delta` events (never a raw tag); each complete
// block becomes a row and a `change` event, in reply order. Errors reach us
// three ways and all end here as a `failure` string: an HTTP error as an
// `error` part, a dropped connection thrown from the loop, an abort (client
// gone or timeout) as an `abort` part or a throw. This function never
// finishes the message row: the caller does, in a finally.

// One retry covers a provider's transient 5xx/429 (the SDK waits ~2 s);
// more would keep a person watching a spinner for a reply that is not coming.
const MAX_RETRIES = 1;

/** The start of a protocol tag at the end of `text` ("<chan", "</orig"), cut off with the reply. */
function dropTagStart(text: string): string {
  const m = /<\/?([a-z]*)$/i.exec(text);
  const name = m?.[1].toLowerCase();
  return m && ["change", "original", "proposed", "reason"].some((tag) => tag.startsWith(name!)) ? text.slice(0, m.index) : text;
}

export type StreamReplyInput = {
  model: ResolvedModel;
  ctx: ChatContext;
  target: ReplyTarget;
  writer: ReplyWriter;
  send: SseSend;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  timeoutS: number;
};

export async function streamReply(input: StreamReplyInput): Promise<{ failure: string | null }> {
  const { ctx, target, writer, send } = input;
  const timeout = AbortSignal.timeout(input.timeoutS * 1000);
  const signal = AbortSignal.any([input.signal, timeout]);
  const aborted = () =>
    timeout.aborted ? `The AI did not finish within ${input.timeoutS} s.` : "The reply was cancelled: the person who asked left the page.";
  const parser = createChangeStreamParser();
  let failure: string | null = null;
  let raw = ""; // what the model sent, so a dropped connection can say how far it got

  const handle = async (events: ParseEvent[]) => {
    for (const e of events) {
      if (e.type === "text") {
        // A reply cut off inside a tag name leaves its start ("<chan"): never shown as prose.
        const text = failure ? dropTagStart(e.text) : e.text;
        if (!text) continue;
        writer.appendText(text);
        send("delta", { id: writer.id, messageId: writer.id, text });
      } else if (failure) {
        // What the parser closes at the end of a cut-off reply was never completed: no row (§18).
        writer.addPart({ kind: "incomplete" });
      } else if (e.type === "change") {
        const change = await createChangeRow(target, ctx, e);
        writer.addPart({ kind: "change", index: e.index, changeId: change.id });
        send("change", change);
      } else {
        // §18 "Malformed blocks never break the message": a placeholder, no row.
        writer.addPart({ kind: "malformed", index: e.index, reason: e.reason });
      }
    }
    await writer.flushSoon();
  };

  try {
    const result = streamText({
      model: input.model,
      system: ctx.prompt.system,
      messages: ctx.prompt.messages,
      abortSignal: signal,
      maxRetries: MAX_RETRIES,
      onError: () => {}, // reported through the `error` part below; the default logs it twice
    });
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        raw += part.text;
        await handle(parser.push(part.text));
      } else if (part.type === "error") failure = signal.aborted ? aborted() : describeAiError(part.error, countWords(raw));
      else if (part.type === "abort") failure = aborted();
      if (failure) break;
    }
  } catch (err) {
    failure = signal.aborted ? aborted() : describeAiError(err, countWords(raw));
  }
  await handle(parser.end());
  if (!failure && !writer.hasContent()) failure = "The model returned an empty reply.";
  return { failure };
}
