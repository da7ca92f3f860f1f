import { GET as getMessages, POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { POST as stopReply } from "@/app/api/threads/[threadId]/messages/[messageId]/stop/route";
import { POST as openThread } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { resetAiRateLimits } from "@/lib/ai/chat/rate-limit";
import { setLanguageModelOverride } from "@/lib/ai/providers";
import { db } from "@/lib/db/client";
import { liveBus, type LiveMessage } from "@/lib/realtime/live-bus";
import { threadTopic } from "@/lib/realtime/topics";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { publicPlace } from "@/lib/branches/place";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { setupFixture, SUPER, type Fixture } from "./fixture";
import { scriptedModel } from "./mock-model";
import { readSse, sseEvents } from "./sse";
import { waitUntil } from "@/tests/helpers/wait";

// §18 the chat route with the `ai` SDK's mock model: prose streams as deltas
// without tags, each complete block becomes a row (pending on a branch,
// buffered on main, invalid when its original is missing or ambiguous), and
// the message row ends complete — or failed, with no half rows.


let fx: Fixture;
let branchThread: string;
beforeAll(async () => {
  fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: "compat:test-model" });
  await fx.cutBranch(SUPER, "tighten");
  branchThread = await fx.mainThreadId(SUPER, "tighten");
});
afterEach(() => {
  setLanguageModelOverride(null);
  resetAiRateLimits();
});
afterAll(() => fx.close());

const block = (original: string, proposed: string, reason: string) =>
  `<change>\n<original>${original}</original>\n<proposed>${proposed}</proposed>\n<reason>${reason}</reason>\n</change>`;
const ask = (threadId: string, body = "@ai tighten this", signal?: AbortSignal) =>
  fx.call(postMessage as never, { as: "alice", method: "POST", params: { threadId }, body: { body, askAi: true }, signal });
const changesOf = (messageId: string) => db().change.findMany({ where: { messageId }, orderBy: { blockIndex: "asc" } });

describe("a reply on a branch", () => {
  const reply = [
    "Here are my edits.\n\n",
    block("five minutes", "ten minutes", "Longer TTL."),
    "\nAnd a loose one:\n",
    block("most pages are read many times per write", "most pages are read often", "Shorter."),
    block("a sentence that is not there", "x", "Missing."),
    block("write", "change", "Ambiguous."),
    "\nDone.",
  ].join("");
  // Split at awkward places: inside tag names, between < and /, inside text.
  const chunks = reply.match(/[\s\S]{1,7}/g)!;

  it("streams prose as deltas without tags and creates a row per block", async () => {
    setLanguageModelOverride(() => scriptedModel(chunks));
    const seen: LiveMessage[] = [];
    const stop = liveBus.subscribe(threadTopic(branchThread), (e) => seen.push(e));
    const res = await ask(branchThread);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSse(res);
    stop();

    expect(events.slice(0, 2).map((e) => [e.event, e.data.authorKind, e.data.status])).toEqual([
      ["message", "user", "complete"],
      ["message", "ai", "streaming"],
    ]);
    const prose = events.filter((e) => e.event === "delta").map((e) => e.data.text).join("");
    expect(prose).toBe("Here are my edits.\n\n\nAnd a loose one:\n\nDone.");
    expect(prose).not.toMatch(/<\/?(change|original|proposed|reason)/);
    expect(events.filter((e) => e.event === "change")).toHaveLength(4);
    const done = events[events.length - 1];
    expect(done.event).toBe("done");
    const message = done.data.message as { id: string; status: string; body: string; modelId: string; details: { parts: { kind: string }[] } };
    expect(message).toMatchObject({ status: "complete", body: prose, modelId: "compat:test-model" });
    expect(message.details.parts.map((p) => p.kind)).toEqual(["text", "change", "text", "change", "change", "change", "text"]);

    const head = (await readDocumentAt(publicPlace((await loadRfcOrThrow(SUPER)).home, "tighten"))).headSha;
    const rows = await changesOf(message.id);
    expect(rows.map((r) => [r.status, r.original, r.baseSha])).toEqual([
      ["pending", "five minutes", head],
      // Issue 16: only without its markup: never pending, and the card shows the exact source.
      ["invalid", "most pages are read many times per write", head],
      ["invalid", "a sentence that is not there", head],
      ["invalid", "write", head],
    ]);
    expect(JSON.parse(rows[1].details!)).toMatchObject({ matched: "loose", documentHas: ["most pages are read **many times** per write"] });
    expect(rows[2].statusReason).toMatch(/does not occur/);
    expect(rows[3].statusReason).toMatch(/occurs twice/);
    // The loose and the ambiguous card were sent back for repair (tests/integration/ai/repair.test.ts); this mock model cannot answer one.
    await waitUntil(async () => {
      const settled = (await changesOf(message.id)).map((r) => (JSON.parse(r.details ?? "{}") as { repair?: { state: string } }).repair?.state);
      return settled[1] === "failed" && settled[3] === "failed";
    }, { what: "both repairs to settle" });
    // Other viewers saw the message, its updates and each card (§8.4).
    expect(seen.filter((e) => e.type === "change")).toHaveLength(4);
    expect(seen.filter((e) => e.type === "message_updated").at(-1)).toMatchObject({ seq: expect.any(Number), data: { id: message.id, status: "complete" } });
  });

  it("sends the document, the branch and the conversation in the prompt", async () => {
    const model = scriptedModel(["Fine as it is."]);
    setLanguageModelOverride(() => model);
    await readSse(await ask(branchThread, "@ai is the motivation clear?"));
    const { prompt } = model.doStreamCalls[0];
    const system = String(prompt[0].content);
    expect(system).toContain("Branch: tighten");
    expect(system).toContain("We cache every response for five minutes.");
    expect(JSON.stringify(prompt.at(-1))).toContain("alice: @ai is the motivation clear?");
  });
});

it("buffers the AI's changes on main (§8.14)", async () => {
  setLanguageModelOverride(() => scriptedModel(["Try this: ", block("five minutes", "an hour", "Fewer misses.")]));
  const events = await readSse(await ask(await fx.mainThreadId(SUPER, "main")));
  const id = (events.at(-1)!.data.message as { id: string }).id;
  expect((await changesOf(id)).map((r) => r.status)).toEqual(["buffered"]);
});

it("scopes a sub-thread's changes to its passage (§8.12)", async () => {
  const opened = await fx.call(openThread as never, {
    as: "alice", method: "POST", params: { slug: SUPER, branch: "tighten" },
    body: { kind: "range", anchor: { kind: "range", quote: "Stale reads are possible", prefix: "## Risks\n\n", suffix: " after a write." }, body: "Hmm" },
  });
  const { thread } = (await opened.json()) as { thread: { id: string } };
  const model = scriptedModel([block("Stale reads are possible after a write.", "Stale reads last up to five minutes.", "Bound."), block("five minutes", "ten minutes", "Out of scope.")]);
  setLanguageModelOverride(() => model);
  const events = await readSse(await ask(thread.id));
  const rows = await changesOf((events.at(-1)!.data.message as { id: string }).id);
  expect(rows.map((r) => r.status)).toEqual(["pending", "invalid"]);
  expect(rows[1].statusReason).toMatch(/outside the passage/);
  expect(String(model.doStreamCalls[0].prompt[0].content)).toContain("<<<PASSAGE\nStale reads are possible\nPASSAGE>>>");
});

describe("a reply that does not finish", () => {
  it("ends failed on a provider error mid-stream, keeping only complete blocks", async () => {
    const partial = ["Two edits. ", block("five minutes", "ten minutes", "TTL."), "<change>\n<original>Reads dominate", "</orig"];
    setLanguageModelOverride(() => scriptedModel(partial, { error: new Error("upstream overloaded") }));
    const events = await readSse(await ask(branchThread));
    expect(events.map((e) => e.event)).toContain("error");
    const message = events.at(-1)!.data.message as { id: string; status: string; error: string; details: { parts: { kind: string }[] } };
    expect(message).toMatchObject({ status: "failed", error: expect.stringContaining("upstream overloaded") });
    expect((await changesOf(message.id)).map((r) => r.original)).toEqual(["five minutes"]);
    expect(message.details.parts.map((p) => p.kind)).toEqual(["text", "change", "incomplete"]);
    expect(await db().threadMessage.findUnique({ where: { id: message.id } })).toMatchObject({ status: "failed" });
  });

  it("goes on and is stored complete when the asker leaves (issue 14)", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    setLanguageModelOverride(() => scriptedModel(["Thinking", " about it"], { gate, rest: [", and done."] }));
    const controller = new AbortController();
    const res = await ask(branchThread, "@ai think hard", controller.signal);
    let prose = "";
    for await (const e of sseEvents(res)) {
      if (e.event === "delta") prose += String(e.data.text);
      if (prose === "Thinking about it") break; // leaving the loop cancels the body, as a closed tab does
    }
    controller.abort();
    release();
    const row = await waitForReply(branchThread, "@ai think hard");
    expect(row).toMatchObject({ status: "complete", body: "Thinking about it, and done.", error: null });
  });

  it("Stop ends it early, kept as written and marked with who stopped it; only the asker or an owner may", async () => {
    setLanguageModelOverride(() => scriptedModel(["Half an answer"], "hang"));
    const res = await ask(branchThread, "@ai go on forever");
    const events = sseEvents(res);
    let replyId = "";
    for await (const e of events) {
      if (e.event === "message" && e.data.authorKind === "ai") replyId = String(e.data.id);
      if (e.event === "delta") break;
    }
    const stop = (as: "alice" | "bob" | "erin") => fx.call(stopReply as never, { as, method: "POST", params: { threadId: branchThread, messageId: replyId } });
    // erin neither asked nor owns the RFC (bob owns it, alice asked).
    expect((await stop("erin")).status).toBe(403);
    expect((await stop("bob")).status).toBe(202);
    const row = await waitForReply(branchThread, "@ai go on forever");
    expect(row).toMatchObject({ status: "complete", body: "Half an answer" });
    const stored = await db().threadMessage.findUniqueOrThrow({ where: { id: replyId } });
    expect(JSON.parse(stored.details!)).toMatchObject({ askedBy: "alice", stoppedBy: { login: "bob" } });
    // A finished reply cannot be stopped again.
    expect((await stop("alice")).status).toBe(409);
    await events.return(undefined);
  });

  it("ends failed when the model sends nothing for AI_IDLE_TIMEOUT_S (issue 15 item 5)", async () => {
    process.env.AI_IDLE_TIMEOUT_S = "0.3";
    try {
      setLanguageModelOverride(() => scriptedModel(["Started"], "hang"));
      const events = await readSse(await ask(branchThread, "@ai stall"));
      expect(events.at(-1)!.data.message).toMatchObject({ status: "failed", body: "Started", error: "The AI sent nothing for 0.3 s." });
    } finally {
      delete process.env.AI_IDLE_TIMEOUT_S;
    }
  });

  it("ends failed when the model takes longer than AI_TIMEOUT_S", async () => {
    process.env.AI_TIMEOUT_S = "0.3";
    try {
      setLanguageModelOverride(() => scriptedModel(["Slow"], "hang"));
      const events = await readSse(await ask(branchThread, "@ai slowly"));
      expect(events.at(-1)!.data.message).toMatchObject({ status: "failed", error: "The AI did not finish within 0.3 s." });
    } finally {
      delete process.env.AI_TIMEOUT_S;
    }
  });
});

/** The AI reply that follows the user message `body`, once it stopped streaming. */
async function waitForReply(threadId: string, body: string) {
  return waitUntil(async () => {
    const res = await fx.call(getMessages as never, { as: "alice", params: { threadId } });
    const { messages } = (await res.json()) as { messages: { id: string; body: string; authorKind: string; status: string; error: string | null }[] };
    const at = messages.findIndex((m) => m.body === body);
    const reply = messages.slice(at + 1).find((m) => m.authorKind === "ai");
    return reply && reply.status !== "streaming" && reply;
  }, { what: `the AI reply to "${body}" to finish` });
}
