import { generateText, streamText } from "ai";
import { parseAiSettings } from "@/lib/ai/models";
import { buildPrompt } from "@/lib/ai/prompt";
import { getLanguageModel } from "@/lib/ai/providers";
import { createChangeStreamParser, parseChangeReply, type ParseEvent } from "@/lib/changes/parser";
import { mergeTextEvents } from "@/lib/changes/reply";
import { type OpenAiTestServer, type Script, startOpenAiTestServer } from "@/tests/helpers/openai-server";
import { waitUntil } from "@/tests/helpers/wait";

// The real @ai-sdk/openai-compatible and @ai-sdk/openai chat code streaming
// from a scripted HTTP server, piped through the §18 change parser: what the
// chat route does, minus the database.

type Outcome = { events: ParseEvent[]; status: "complete" | "failed" | "aborted"; error?: string };

/** Stream a reply into the parser the way the route does, and say how it ended. */
async function streamIntoParser(result: ReturnType<typeof streamText>, onText?: () => void): Promise<Outcome> {
  const parser = createChangeStreamParser();
  const events: ParseEvent[] = [];
  let status: Outcome["status"] = "complete";
  let error: string | undefined;
  try {
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        events.push(...parser.push(part.text));
        onText?.();
      }
      if (part.type === "error") [status, error] = ["failed", String((part.error as Error).message ?? part.error)];
      if (part.type === "abort") status = "aborted";
    }
  } catch (e) {
    // A connection dropped mid-stream surfaces as a thrown error, not an error part.
    [status, error] = ["failed", (e as Error).message];
  }
  events.push(...parser.end());
  return { events: mergeTextEvents(events), status, error };
}

const reply = "Sure.\n\n<change>\n<original>\nLRU with a TTL.\n</original>\n<proposed>\nLRU with a 10-minute TTL.\n</proposed>\n<reason>Names the TTL.</reason>\n</change>\n\nAnything else?";
// Chunk boundaries inside a tag name, between < and /, and inside </change>.
const chunks = ["Sure.\n\n<chan", "ge>\n<original>\nLRU with a TTL.\n<", "/original>\n<proposed>\nLRU with a 10-minute TTL.\n</proposed>\n<reason>Names the TTL.</reason>\n</cha", "nge>\n\nAnything else?"];
const expected: ParseEvent[] = [
  { type: "text", text: "Sure.\n\n" },
  { type: "change", index: 0, original: "LRU with a TTL.", proposed: "LRU with a 10-minute TTL.", reason: "Names the TTL." },
  { type: "text", text: "\n\nAnything else?" },
];

let server: OpenAiTestServer;
let script: Script;
beforeEach(async () => {
  server = await startOpenAiTestServer({ script: () => script });
});
afterEach(() => server.close());

const compat = () => {
  const settings = parseAiSettings({ AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "test-key", AI_MODELS: "compat:llama3.1:8b" });
  return getLanguageModel("compat:llama3.1:8b", settings);
};
const prompt = buildPrompt({
  rfc: { title: "Token cache", state: "draft" },
  branch: "main",
  document: "# Cache\n\nLRU with a TTL.\n",
  messages: [{ role: "user", author: "alice", content: "@ai name the TTL" }],
  contextTokens: 24000,
});

const waitFor = (check: () => boolean) => waitUntil(check, { timeoutMs: 10_000, intervalMs: 10 }).then(() => true, () => false);

describe("streaming from an OpenAI-compatible server", () => {
  it("streams the reply into prose and a change card, and sends the §18 prompt", async () => {
    expect(chunks.join("")).toBe(reply);
    script = { kind: "reply", chunks: chunks.map((text) => ({ text, delayMs: 5 })) };
    const outcome = await streamIntoParser(streamText({ model: compat(), system: prompt.system, messages: prompt.messages }));
    expect(outcome).toEqual({ events: expected, status: "complete", error: undefined });

    const [request] = server.requests;
    expect(request.headers.authorization).toBe("Bearer test-key");
    expect(request.body).toMatchObject({ model: "llama3.1:8b", stream: true });
    expect(request.body.messages[0]).toEqual({ role: "system", content: prompt.system });
    expect(request.body.messages[1]).toEqual({ role: "user", content: "alice: @ai name the TTL" });
    expect(String(request.body.messages[0].content)).toContain("LRU with a TTL.");
  });

  it("works the same through @ai-sdk/openai's chat API (OPENAI_BASE_URL)", async () => {
    script = { kind: "reply", chunks };
    const settings = parseAiSettings({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.baseURL, AI_MODELS: "openai:gpt-4o-mini" });
    const outcome = await streamIntoParser(streamText({ model: getLanguageModel("openai:gpt-4o-mini", settings), prompt: "hi" }));
    expect(outcome.events).toEqual(expected);
    expect(server.requests[0]).toMatchObject({ path: "/v1/chat/completions", body: { model: "gpt-4o-mini", stream: true } });
  });

  it("keeps what arrived when the provider drops the connection mid-block", async () => {
    script = { kind: "destroy", chunks: chunks.slice(0, 2) };
    const outcome = await streamIntoParser(streamText({ model: compat(), prompt: "hi", maxRetries: 0 }));
    expect(outcome.status).toBe("failed");
    expect(outcome.events).toEqual([
      { type: "text", text: "Sure.\n\n" },
      { type: "malformed", index: 0, raw: "<change>\n<original>\nLRU with a TTL.\n<", reason: "unterminated <original>; missing <proposed>" },
    ]);
  });

  it("reports an HTTP error before streaming, after the SDK's retries", async () => {
    script = { kind: "http-error", status: 500, message: "model exploded" };
    const outcome = await streamIntoParser(streamText({ model: compat(), prompt: "hi", maxRetries: 1 }));
    expect(outcome).toMatchObject({ status: "failed", events: [] });
    expect(outcome.error).toContain("model exploded");
    expect(server.requests).toHaveLength(2); // 500 is retryable: one retry
  });

  it("stops when the client aborts, and the server sees the connection close", async () => {
    script = { kind: "hang", chunks: ["Thinking about <change>"] };
    const controller = new AbortController();
    const result = streamText({ model: compat(), prompt: "hi", abortSignal: controller.signal });
    // Aborted once the first text has arrived, not after a fixed delay: a busy machine may take longer.
    const outcome = await streamIntoParser(result, () => controller.abort());
    // The `<change>` that no child tag followed is a stray protocol tag: dropped, never prose.
    expect(outcome).toEqual({ events: [{ type: "text", text: "Thinking about " }], status: "aborted", error: undefined });
    expect(await waitFor(() => server.requests[0]?.aborted === true)).toBe(true);
  });

  it("times out a hanging provider through an abort signal", async () => {
    script = { kind: "hang" };
    const started = Date.now();
    const outcome = await streamIntoParser(streamText({ model: compat(), prompt: "hi", abortSignal: AbortSignal.timeout(200), maxRetries: 0 }));
    expect(outcome.status).not.toBe("complete");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("answers non-streamed requests too", async () => {
    script = { kind: "reply", chunks };
    const { text } = await generateText({ model: compat(), prompt: "hi" });
    expect(server.requests[0].body.stream).toBeFalsy();
    expect(text).toBe(reply);
    expect(mergeTextEvents(parseChangeReply(text))).toEqual(expected);
  });
});
