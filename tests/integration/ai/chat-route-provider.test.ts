import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { POST as stopReply } from "@/app/api/threads/[threadId]/messages/[messageId]/stop/route";
import { resetAiRateLimits } from "@/lib/ai/chat/rate-limit";
import { db } from "@/lib/db/client";
import { startOpenAiTestServer, type OpenAiTestServer, type Script } from "../../helpers/openai-server";
import { setupFixture, SUPER, type Fixture } from "./fixture";
import { readSse, sseEvents } from "./sse";
import { waitUntil } from "@/tests/helpers/wait";

// §18 the chat route against a scripted OpenAI-compatible server, so the real
// @ai-sdk/openai-compatible streaming code runs end to end: chunked SSE from
// the provider, a connection dropped mid-block, an HTTP 500, a client abort.


let fx: Fixture;
let server: OpenAiTestServer;
let script: Script;
let thread: string;
beforeAll(async () => {
  server = await startOpenAiTestServer({ script: () => script });
  fx = await setupFixture({ AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "test-key", AI_MODELS: "compat:test-llm" });
  await fx.cutBranch(SUPER, "tighten");
  thread = await fx.mainThreadId(SUPER, "tighten");
});
afterEach(() => resetAiRateLimits());
afterAll(async () => {
  await fx.close();
  await server.close();
});

const ask = (body: string, signal?: AbortSignal) =>
  fx.call(postMessage as never, { as: "alice", method: "POST", params: { threadId: thread }, body: { body, askAi: true }, signal });
const reply = "Sure.\n\n<change>\n<original>\nfive minutes\n</original>\n<proposed>\nten minutes\n</proposed>\n<reason>Longer TTL.</reason>\n</change>\n\nAnything else?";
// Boundaries inside a tag name, between < and /, and inside </change>.
const chunks = ["Sure.\n\n<chan", "ge>\n<original>\nfive minutes\n<", "/original>\n<proposed>\nten minutes\n</proposed>\n<reason>Longer TTL.</reason>\n</cha", "nge>\n\nAnything else?"];
const finalOf = (events: { event: string; data: Record<string, unknown> }[]) => events.at(-1)!.data.message as { id: string; status: string; error: string | null; body: string };
const rowsOf = (messageId: string) => db().change.findMany({ where: { messageId } });

it("streams a reply with a change card through the real provider code", async () => {
  expect(chunks.join("")).toBe(reply);
  script = { kind: "reply", chunks: chunks.map((text) => ({ text, delayMs: 5 })) };
  const events = await readSse(await ask("@ai make the TTL longer"));
  expect(events.filter((e) => e.event === "delta").map((e) => e.data.text).join("")).toBe("Sure.\n\n\n\nAnything else?");
  const message = finalOf(events);
  expect(message).toMatchObject({ status: "complete", body: "Sure.\n\n\n\nAnything else?" });
  expect((await rowsOf(message.id)).map((r) => [r.status, r.original, r.proposed, r.reason])).toEqual([["pending", "five minutes", "ten minutes", "Longer TTL."]]);
  const request = server.requests.at(-1)!;
  expect(request.headers.authorization).toBe("Bearer test-key");
  expect(request.body).toMatchObject({ model: "test-llm", stream: true });
  expect(String(request.body.messages[0].content)).toContain("We cache every response for five minutes.");
  expect(request.body.messages.at(-1)).toEqual({ role: "user", content: "alice: @ai make the TTL longer" });
});

it("ends failed with no half change rows when the provider drops mid-block", async () => {
  script = { kind: "destroy", chunks: chunks.slice(0, 2) };
  const events = await readSse(await ask("@ai again"));
  // Said in words, with how far it got (the SDK's own "Failed to process successful response" is no help).
  const words = chunks.slice(0, 2).join("").split(/\s+/).filter(Boolean).length;
  expect(events.find((e) => e.event === "error")?.data.message).toBe(`The connection to the AI provider dropped after ${words} words.`);
  const message = finalOf(events);
  expect(message).toMatchObject({ status: "failed", body: "Sure.\n\n", error: `The connection to the AI provider dropped after ${words} words.` });
  expect(await rowsOf(message.id)).toEqual([]);
});

it("ends failed on an HTTP 500, after one retry", async () => {
  const before = server.requests.length;
  script = { kind: "http-error", status: 500, message: "model exploded" };
  const message = finalOf(await readSse(await ask("@ai once more")));
  expect(message.status).toBe("failed");
  expect(message.error).toBe("The AI provider reported: model exploded (HTTP 500).");
  expect(server.requests.length - before).toBe(2);
});

it.each<{ what: string; script: Script; error: string }>([
  { what: "an error event inside the stream", script: { kind: "stream-error", chunks: ["Let me "], error: { message: "The server is overloaded" } }, error: "The AI provider reported: The server is overloaded." },
  { what: "a line that is not a chunk", script: { kind: "garbage", chunks: ["Let me "], line: "<html>Bad gateway</html>" }, error: "The AI provider sent an answer Quorum could not read." },
])("ends failed in words on $what", async ({ script: s, error }) => {
  script = s;
  const message = finalOf(await readSse(await ask("@ai try")));
  expect(message).toMatchObject({ status: "failed", body: "Let me ", error });
});

it("goes on when the client leaves; Stop ends it and closes the provider request too (issue 14)", async () => {
  script = { kind: "hang", chunks: ["Let me think"] };
  const controller = new AbortController();
  let prose = "";
  let replyId = "";
  for await (const e of sseEvents(await ask("@ai think", controller.signal))) {
    if (e.event === "message" && e.data.authorKind === "ai") replyId = String(e.data.id);
    if (e.event === "delta") prose += String(e.data.text);
    if (prose === "Let me think") break;
  }
  controller.abort();
  const request = server.requests.at(-1)!;
  // The asker left: the reply is still being written, the provider still asked.
  expect((await db().threadMessage.findUniqueOrThrow({ where: { id: replyId } })).status).toBe("streaming");
  expect(request.aborted).toBe(false);
  const stopped = await fx.call(stopReply as never, { as: "alice", method: "POST", params: { threadId: thread, messageId: replyId } });
  expect(stopped.status).toBe(202);
  await waitUntil(() => request.aborted, { what: "the provider request to be aborted" });
  const row = await waitUntil(async () => {
    const last = await db().threadMessage.findUniqueOrThrow({ where: { id: replyId } });
    return last.status !== "streaming" && last;
  }, { what: "the AI message to end" });
  expect(row).toMatchObject({ status: "complete", body: "Let me think" });
});
