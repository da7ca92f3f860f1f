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
// `error` part, a dropped connection thrown from the loop, an abort (Stop,
// the idle timeout or the cap) as an `abort` part or a throw. Nobody leaving
// the page ends a reply (issue 14): only Stop or a timeout. This function
// never finishes the message row: the caller does, in a finally.

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
  /** To whoever follows the asker's stream; a no-op once they left. */
  send: SseSend;
  /** Aborted by Stop. */
  stop: AbortSignal;
  /** No chunk for this long ends the reply (issue 15 item 5). */
  idleTimeoutS: number;
  /** The cap on the whole reply. */
  timeoutS: number;
};

export type StreamOutcome = { failure: string | null; stopped: boolean };

/** Aborts when no chunk came for `idleMs` (checked a few times a second, not re-armed per chunk) or after `capMs`. */
function timeouts(idleMs: number, capMs: number) {
  const controller = new AbortController();
  const started = Date.now();
  let last = started;
  let why: "idle" | "cap" | null = null;
  const timer = setInterval(() => {
    const now = Date.now();
    if (now - last >= idleMs) why = "idle";
    else if (now - started >= capMs) why = "cap";
    if (why) {
      clearInterval(timer);
      controller.abort();
    }
  }, Math.max(10, Math.min(250, idleMs / 4)));
  return { signal: controller.signal, touch: () => void (last = Date.now()), why: () => why, clear: () => clearInterval(timer) };
}

export async function streamReply(input: StreamReplyInput): Promise<StreamOutcome> {
  const { ctx, target, writer, send } = input;
  const clock = timeouts(input.idleTimeoutS * 1000, input.timeoutS * 1000);
  const signal = AbortSignal.any([input.stop, clock.signal]);
  const aborted = () => {
    const why = clock.why();
    if (why === "idle") return `The AI sent nothing for ${input.idleTimeoutS} s.`;
    if (why === "cap") return `The AI did not finish within ${input.timeoutS} s.`;
    return null; // stopped: not a failure
  };
  const parser = createChangeStreamParser();
  let failure: string | null = null;
  let raw = ""; // what the model sent, so a dropped connection can say how far it got
  let ended = false; // cut short: by an error, a timeout or Stop

  const handle = async (events: ParseEvent[]) => {
    for (const e of events) {
      if (e.type === "text") {
        // A reply cut off inside a tag name leaves its start ("<chan"): never shown as prose.
        const text = ended ? dropTagStart(e.text) : e.text;
        if (!text) continue;
        writer.appendText(text);
        send("delta", { id: writer.id, messageId: writer.id, text });
      } else if (ended) {
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
      clock.touch();
      if (part.type === "text-delta") {
        raw += part.text;
        await handle(parser.push(part.text));
      } else if (part.type === "error") {
        ended = true;
        failure = signal.aborted ? aborted() : describeAiError(part.error, countWords(raw));
      } else if (part.type === "abort") {
        ended = true;
        failure = aborted();
      }
      if (ended) break;
    }
  } catch (err) {
    ended = true;
    failure = signal.aborted ? aborted() : describeAiError(err, countWords(raw));
  } finally {
    clock.clear();
  }
  const stopped = input.stop.aborted && !clock.why();
  await handle(parser.end());
  if (!failure && !stopped && !writer.hasContent()) failure = "The model returned an empty reply.";
  return { failure, stopped };
}
