import { APICallError, RetryError } from "ai";

// A provider's failure as a sentence a person can act on (§18: the reply
// "always ends complete or failed", and failed says why). Errors reach the
// chat route in several shapes: an APICallError for an HTTP error status, an
// APICallError *with a 2xx status* when the body broke off mid-stream ("Failed
// to process successful response"), a plain `{ message, type, code }` object
// when the provider sends an error event inside the stream, a TypeError when
// the server cannot be reached at all. None of them is shown raw.

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Drops one trailing full stop, so a sentence can be built around the text. */
const bare = (s: string) => s.trim().replace(/\.$/, "");

/** What the provider said, from whatever shape it arrived in; null when it said nothing readable. */
export function providerMessage(value: unknown, depth = 0): string | null {
  if (depth > 3 || value == null) return null;
  if (typeof value === "string") return value.trim() || null;
  if (typeof value !== "object") return String(value);
  const o = value as Record<string, unknown>;
  // OpenAI and compatible servers: { error: { message } }; Anthropic: { type: "error", error: { message } }.
  for (const key of ["message", "error", "detail", "msg"]) {
    const found = providerMessage(o[key], depth + 1);
    if (found && found !== "[object Object]") return found;
  }
  return null;
}

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/** The network failure under a fetch error: "connect ECONNREFUSED 127.0.0.1:11434", "other side closed". */
function networkReason(err: unknown): string | null {
  for (const e of causeChain(err).slice(1)) {
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : null;
    if (message) return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
  }
  return null;
}

const words = (n: number) => `${n} word${n === 1 ? "" : "s"}`;

/**
 * @param received how many words of the reply had arrived, so a dropped
 *   connection can say how far it got.
 */
export function describeAiError(err: unknown, received = 0): string {
  const inner = RetryError.isInstance(err) ? err.lastError : err;
  if (APICallError.isInstance(inner)) {
    const status = inner.statusCode;
    if (status === undefined || (status >= 200 && status < 300)) {
      // The answer had begun (2xx) or the request never got one: the connection failed, not the provider.
      if (status === undefined) {
        const why = networkReason(inner);
        return clip(`Could not reach the AI provider${why ? `: ${bare(why)}` : ""}.`);
      }
      return received > 0
        ? `The connection to the AI provider dropped after ${words(received)}.`
        : "The connection to the AI provider dropped before it answered.";
    }
    const said = providerMessage(inner.data) ?? providerMessage(inner.responseBody ? safeJson(inner.responseBody) : null) ?? inner.message;
    return clip(`The AI provider reported: ${bare(said)} (HTTP ${status}).`);
  }
  if (inner instanceof TypeError && /fetch failed|terminated/i.test(inner.message)) {
    if (received > 0 || /terminated/i.test(inner.message)) {
      return received > 0
        ? `The connection to the AI provider dropped after ${words(received)}.`
        : "The connection to the AI provider dropped before it answered.";
    }
    const why = networkReason(inner);
    return clip(`Could not reach the AI provider${why ? `: ${bare(why)}` : ""}.`);
  }
  if (inner instanceof Error) {
    const name = inner.name;
    // The SDK's JSON and schema errors: the provider sent something that is not a chat completion chunk.
    if (/JSONParseError|TypeValidationError/.test(name)) return "The AI provider sent an answer Quorum could not read.";
    return clip(`The AI provider failed: ${bare(inner.message) || "no reason given"}.`);
  }
  const said = providerMessage(inner);
  return clip(said ? `The AI provider reported: ${bare(said)}.` : "The AI provider reported an error without saying what went wrong.");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.length <= 200 ? text : null;
  }
}

/** Words of raw model output, for describeAiError's `received`. */
export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;
