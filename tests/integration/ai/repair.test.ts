import { POST as repairRoute } from "@/app/api/changes/[changeId]/repair/route";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { resetAiRateLimits, takeAiRequest } from "@/lib/ai/chat/rate-limit";
import { INTERRUPTED_REPAIR_NOTE, REPAIR_GRACE_MS } from "@/lib/changes/details";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { liveBus } from "@/lib/realtime/live-bus";
import { threadTopic } from "@/lib/realtime/topics";
type ThreadEvent = { type: string; data: { id: string } & Record<string, unknown> };
import { toChange } from "@/lib/threads/views";
import { processStartedAt } from "@/lib/writes/process-start";
import { reconcileAppState } from "@/lib/writes/reconcile";
import { block } from "@/tests/fixtures/ai/messy-replies";
import { startOpenAiTestServer, type OpenAiTestServer } from "../../helpers/openai-server";
import { ensureUser } from "../../helpers/session";
import { waitUntil } from "@/tests/helpers/wait";
import { decisions, readDoc, splitMessage } from "./decide-helpers";
import { setupFixture, SUPER, type Fixture } from "./fixture";
import { readSse } from "./sse";

// Issue 16 automatic repair, end to end on the super-draft's document
// ("Reads dominate: most pages are read **many times** per write."): a loose
// block → one repair request → a pending "repaired" card, which every viewer
// sees at once and whose commit says AI-Repaired: yes; a repair still inexact
// stays invalid and is never repaired again by itself; "Ask the AI to fix";
// repairs count against the rate limit.

let fx: Fixture;
let server: OpenAiTestServer;
let reply = "";
let repair = "";
let thread: string;

const LOOSE = "most pages are read many times per write";
const EXACT = "most pages are read **many times** per write";

beforeAll(async () => {
  server = await startOpenAiTestServer({ script: (req) => ({ kind: "reply", chunks: [req.stream ? reply : repair] }) });
  fx = await setupFixture({ AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "k", AI_MODELS: "compat:test-llm" });
  await fx.cutBranch(SUPER, "repair");
  thread = await fx.mainThreadId(SUPER, "repair");
});
afterEach(() => resetAiRateLimits());
afterAll(async () => {
  await fx.close();
  await server.close();
});

const repairRequests = () => server.requests.filter((r) => !r.body.stream).length;
const ask = async () => {
  const events = await readSse(await fx.call(postMessage as never, { as: "alice", method: "POST", params: { threadId: thread }, body: { body: "@ai fix it", askAi: true } }));
  return (events.at(-1)!.data.message as { id: string }).id;
};
const cardOf = async (messageId: string) => toChange(await db().change.findFirstOrThrow({ where: { messageId } }), new Map());
const settled = (messageId: string) =>
  waitUntil(async () => {
    const card = await cardOf(messageId);
    return card.repair && card.repair.state !== "running" && card;
  }, { what: "the repair to settle" });
const askToFix = (changeId: string, as: "alice" | "erin" = "erin") => fx.call(repairRoute as never, { as, method: "POST", params: { changeId } });

it("repairs a loose block with one request: pending, repaired, shown live, and committed with AI-Repaired: yes", async () => {
  reply = `Shorter:\n${block(LOOSE, "most pages are read often", "Plainer.")}`;
  repair = block(EXACT, "most pages are read **often**", "Plainer.");
  const seen: ThreadEvent[] = [];
  const stop = liveBus.subscribe(threadTopic(thread), (m) => seen.push({ type: m.type, data: m.data as ThreadEvent["data"] }));
  const before = repairRequests();
  const messageId = await ask();
  const card = await settled(messageId);
  expect(repairRequests() - before).toBe(1);
  expect(card).toMatchObject({ status: "pending", original: EXACT, proposed: "most pages are read **often**", repaired: true, statusReason: null });
  expect(card.attempts.map((a) => [a.original, a.statusReason === null])).toEqual([[LOOSE, false], [EXACT, true]]);
  // Everyone's card panel heard it: created invalid, then claimed, then repaired. (The event
  // follows the row's write, so it may arrive after the row reads settled: waited for.)
  const updates = () => seen.filter((e) => e.type === "change_updated" && e.data.id === card.id).map((e) => e.data);
  await waitUntil(() => (updates().at(-1) as { repaired?: boolean } | undefined)?.repaired, { what: "the repaired card's live update" }).catch(() => undefined);
  stop();
  expect(updates().at(-1)).toMatchObject({ status: "pending", repaired: true });
  expect(seen.find((e) => e.type === "change" && e.data.id === card.id)?.data).toMatchObject({ status: "invalid", original: LOOSE });

  const res = await decisions(fx).accept(card.id);
  expect(res.status).toBe(200);
  const { commitSha } = (await res.json()) as { commitSha: string };
  expect(splitMessage((await fx.commitMessage(getConfig().metaRepoFullName, commitSha)).message).trailers["AI-Repaired"]).toBe("yes");
  expect((await readDoc(SUPER, "repair")).text).toContain("Reads dominate: most pages are read **often**.");
});

it("keeps a still-inexact repair invalid with both attempts, and never repairs it again by itself", async () => {
  reply = block("Stale reads are  possible", "Stale reads can happen", "Plainer.");
  repair = block("Stale  reads are possible", "Stale reads can happen", "Plainer.");
  const before = repairRequests();
  const messageId = await ask();
  const card = await settled(messageId);
  expect(card).toMatchObject({ status: "invalid", repaired: false, repair: { state: "failed", note: expect.stringMatching(/^The repair did not hold either/) } });
  expect(card.attempts.map((a) => a.original)).toEqual(["Stale reads are  possible", "Stale  reads are possible"]);
  expect(card.documentHas).toEqual(["Stale reads are possible"]);
  // Another reply later: still exactly one repair request for this card.
  reply = "Nothing to change.";
  await ask();
  expect(repairRequests() - before).toBe(1);

  // A person may still ask: one more request, and this time the answer holds.
  repair = block("Stale reads are possible", "Stale reads can happen", "Plainer.");
  const res = await askToFix(card.id);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { change: unknown }).change).toMatchObject({ id: card.id, status: "pending", repaired: true, original: "Stale reads are possible" });
  expect(repairRequests() - before).toBe(2);
  expect((await askToFix(card.id)).status).toBe(409); // only an invalid card is repaired
});

it("asks to fix a card whose original is nowhere, giving the model the document", async () => {
  reply = block("Writes are rare.", "Writes are uncommon.", "Plainer.");
  repair = block("Stale reads are possible after a write.", "Stale reads are possible right after a write.", "Clearer.");
  const before = repairRequests();
  const messageId = await ask();
  const card = await cardOf(messageId);
  expect(card).toMatchObject({ status: "invalid", statusReason: "The original text does not occur in the document.", documentHas: [] });
  expect(repairRequests()).toBe(before); // nothing to go on: no automatic repair
  const res = await askToFix(card.id);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { change: unknown }).change).toMatchObject({ status: "pending", repaired: true, original: "Stale reads are possible after a write." });
  expect(JSON.stringify(server.requests.at(-1)!.body.messages)).toContain("<<<DOCUMENT");
});

it("counts repairs against the rate limit: an automatic one is skipped with a note, a person's gets 429", async () => {
  const alice = await ensureUser({ login: "alice" });
  const settings = getConfig().ai;
  if (!settings.enabled) throw new Error("the fixture configures an AI provider");
  const limit = settings.ratePerMinute;
  for (let i = 0; i < limit - 1; i++) takeAiRequest(alice.id, limit); // the ask below is the last one allowed
  reply = block("Reads dominate:  most pages", "Reads dominate: pages", "r"); // doubled space: loose
  const before = repairRequests();
  const messageId = await ask();
  const card = await settled(messageId);
  expect(card.repair).toEqual({ state: "failed", note: expect.stringMatching(/^Not repaired automatically: You asked the AI \d+ times in the last minute/) });
  expect(repairRequests()).toBe(before);
  const res = await askToFix(card.id, "alice");
  expect(res.status).toBe(429);
  expect(repairRequests()).toBe(before);
});

it("fails a repair a restart left running (at startup, and on read once past the timeout), so the card can be asked again", async () => {
  reply = block("Writes are rare.", "Writes are uncommon.", "Plainer.");
  const card = await cardOf(await ask());
  expect(card).toMatchObject({ status: "invalid", repair: null });
  const settings = getConfig().ai;
  if (!settings.enabled) throw new Error("the fixture configures an AI provider");
  // The stale row a stopped server leaves: claimed by the process before this one.
  const stale = (startedAt: number) =>
    db().change.update({ where: { id: card.id }, data: { details: JSON.stringify({ repair: { state: "running", count: 1, startedAt } }) } });

  // Begun by this process a moment ago: alive, left alone by the reconciler.
  await stale(Date.now());
  await reconcileAppState();
  expect((await cardOf(card.messageId!)).repair).toEqual({ state: "running", note: null });
  expect((await askToFix(card.id)).status).toBe(409);

  // Begun before this process started: the restart ended it; the reconciler fails it and every viewer hears.
  await stale(processStartedAt.getTime() - 1000);
  const seen: ThreadEvent[] = [];
  const stop = liveBus.subscribe(threadTopic(thread), (m) => seen.push({ type: m.type, data: m.data as ThreadEvent["data"] }));
  await reconcileAppState();
  stop();
  const row = await db().change.findUniqueOrThrow({ where: { id: card.id } });
  expect(JSON.parse(row.details!)).toEqual({ repair: { state: "failed", count: 1, note: INTERRUPTED_REPAIR_NOTE } });
  expect(seen.filter((e) => e.type === "change_updated" && e.data.id === card.id).at(-1)?.data).toMatchObject({ repair: { state: "failed", note: INTERRUPTED_REPAIR_NOTE } });

  // Past the AI timeout the card reads as failed even before a reconciler has run.
  await stale(Date.now() - settings.timeoutS * 1000 - REPAIR_GRACE_MS - 1000);
  expect((await cardOf(card.messageId!)).repair).toEqual({ state: "failed", note: INTERRUPTED_REPAIR_NOTE });

  // And a person may ask again.
  repair = block("Stale reads are possible after a write.", "Stale reads are possible right after a write.", "Clearer.");
  const res = await askToFix(card.id);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { change: unknown }).change).toMatchObject({ status: "pending", repaired: true, repair: { state: "done" } });
});
