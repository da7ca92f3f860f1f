import type { ChatCompletionRequest, Script } from "@/tests/helpers/openai-server";

// The AI the benchmark talks to (the OpenAI-compatible test server): by rule,
// from the last user message.
//  - `stream N`: N one-byte chunks as fast as the socket takes them (app time per chunk);
//  - `replace "X" with "Y"`: one §18 change block (pending changes to accept);
//  - anything else: a one-line answer (first byte of a reply).

export const BENCH_AI_MODEL = "compat:bench-model";

const lastUserText = (req: ChatCompletionRequest) => {
  const last = [...req.messages].reverse().find((m) => m.role === "user");
  return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
};

export function benchAiReply(req: ChatCompletionRequest): Script {
  const text = lastUserText(req);
  const stream = /\bstream (\d+)\b/.exec(text);
  if (stream) return { kind: "reply", chunks: Array.from({ length: Number(stream[1]) }, (_, i) => "abcdefghij"[i % 10]) };
  const m = /replace "([^"]+)" with "([^"]*)"/.exec(text);
  if (m) return { kind: "reply", chunks: [`<change>\n<original>${m[1]}</original>\n<proposed>${m[2]}</proposed>\n<reason>Bench.</reason>\n</change>\n`] };
  return { kind: "reply", chunks: ["Noted."] };
}
