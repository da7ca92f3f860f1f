import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { resetAiRateLimits } from "@/lib/ai/chat/rate-limit";
import { actorFrom } from "@/lib/bot/actor";
import { publicPlace } from "@/lib/branches/place";
import { commitFiles } from "@/lib/bot/write-files";
import { db } from "@/lib/db/client";
import { splitFullName } from "@/lib/gitea";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { toChange } from "@/lib/threads/views";
import { block, MESSY_DOC, messyReplies, type ExpectedCard, type MessyReply } from "@/tests/fixtures/ai/messy-replies";
import { startOpenAiTestServer, type OpenAiTestServer, type Script } from "../../helpers/openai-server";
import { ensureUser } from "../../helpers/session";
import { waitUntil } from "@/tests/helpers/wait";
import { ACTIVE, ACTIVE_REPO, setupFixture, type Fixture } from "./fixture";
import { readSse } from "./sse";

// Issue 16: every messy reply of tests/fixtures/ai/messy-replies.ts, served
// by the OpenAI-compatible test server through the real chat route. The
// prose is stored and streamed without protocol tags, each block becomes the
// card the fixture expects (pending only when its original occurs exactly
// once), and a block that matched only loosely or twice gets exactly one
// repair request, whose answer decides the card.

let fx: Fixture;
let server: OpenAiTestServer;
let thread: string;
let current: { reply: MessyReply; index: number };

const SPLITS = [1, 2, 3, 5, 8, 13, 0]; // 0: the whole reply in one chunk
const PROTOCOL_TAG = /<\/?(change|original|proposed|reason)\b/i;

function chunksOf(text: string, split: number | "tags"): string[] {
  if (text === "") return [];
  if (split === "tags") return text.split(/(?=<)|(?<=>)/).filter(Boolean);
  if (split === 0) return [text];
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += split) chunks.push(text.slice(i, i + split)); // UTF-16 units: an emoji may be cut in half
  return chunks;
}

function replyScript({ reply, index }: typeof current): Script {
  const chunks = chunksOf(reply.reply, reply.split ?? SPLITS[index % SPLITS.length]);
  switch (reply.end) {
    case "destroy":
      return { kind: "destroy", chunks };
    case "stream-error":
      return { kind: "stream-error", chunks, error: { message: "The server is overloaded" } };
    case "garbage":
      return { kind: "garbage", chunks, line: "<html>Bad gateway</html>" };
    case "length":
      return { kind: "reply", chunks, finishReason: "length" };
    case "http-500":
      return { kind: "http-error", status: 500 };
    default:
      return { kind: "reply", chunks };
  }
}

function repairScript({ reply }: typeof current): Script {
  if (reply.repair === "http-500") return { kind: "http-error", status: 500 };
  return { kind: "reply", chunks: [reply.repair ?? "Sorry, I cannot find a better original."] };
}

beforeAll(async () => {
  // The chat streams; a repair is one plain (non-streamed) request.
  server = await startOpenAiTestServer({ script: (req) => (req.stream ? replyScript(current) : repairScript(current)) });
  fx = await setupFixture({ AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "test-key", AI_MODELS: "compat:test-llm" });
  await fx.cutBranch(ACTIVE, "messy");
  const place = publicPlace((await loadRfcOrThrow(ACTIVE)).home, "messy");
  const before = await readDocumentAt(place);
  await commitFiles({
    repo: splitFullName(ACTIVE_REPO), branch: "messy", subject: "A document with markup to quote", actor: actorFrom(await ensureUser({ login: "alice" })), audit: { kind: "seed" },
    files: [{ op: "update", path: "RFC.md", content: MESSY_DOC, sha: before.blobSha }],
  });
  expect((await readDocumentAt(place)).text).toBe(MESSY_DOC);
  thread = await fx.mainThreadId(ACTIVE, "messy");
});
afterEach(() => resetAiRateLimits());
afterAll(async () => {
  await fx.close();
  await server.close();
});

const repairRequests = () => server.requests.filter((r) => !r.body.stream);
const running = (details: string | null) => (JSON.parse(details ?? "{}") as { repair?: { state: string } }).repair?.state === "running";
const matcher = (v: string | RegExp) => (v instanceof RegExp ? expect.stringMatching(v) : v);

function expectedCard(c: ExpectedCard) {
  return {
    status: c.status,
    original: c.original,
    proposed: c.proposed,
    statusReason: c.statusReason === undefined ? null : matcher(c.statusReason),
    repaired: c.repaired ?? false,
    ...(c.documentHas ? { documentHas: c.documentHas } : {}),
    ...(c.attempts !== undefined ? { attempts: c.attempts } : {}),
    ...(c.repairNote !== undefined ? { repairNote: matcher(c.repairNote) } : {}),
  };
}

it("has at least 60 messy replies", () => {
  expect(messyReplies.length).toBeGreaterThanOrEqual(60);
  expect(new Set(messyReplies.map((r) => r.name)).size).toBe(messyReplies.length);
});

it.each(messyReplies.map((reply, index) => [reply.name, reply, index] as const))("%s", async (_name, reply, index) => {
  current = { reply, index };
  const repairsBefore = repairRequests().length;
  const res = await fx.call(postMessage as never, { as: "alice", method: "POST", params: { threadId: thread }, body: { body: "@ai please edit", askAi: true } });
  const events = await readSse(res);
  const message = events.at(-1)!.data.message as { id: string; status: string; error: string | null; body: string; details: { parts: { kind: string }[] } };

  // The prose: streamed and stored alike, never a protocol tag.
  expect(events.filter((e) => e.event === "delta").map((e) => e.data.text).join("")).toBe(reply.prose);
  expect(message.body).toBe(reply.prose);
  if (!reply.codeTags) expect(message.body).not.toMatch(PROTOCOL_TAG);
  expect(message.status).toBe(reply.error ? "failed" : "complete");
  expect(message.error).toEqual(reply.error === undefined ? null : matcher(reply.error));
  if (reply.parts) expect(message.details.parts.map((p) => p.kind)).toEqual(reply.parts);

  // Cards, once any repair has settled.
  const repairs = reply.repairRequests ?? 0;
  await waitUntil(() => repairRequests().length - repairsBefore >= repairs, { what: `${repairs} repair request(s)` });
  const rows = await waitUntil(async () => {
    const found = await db().change.findMany({ where: { messageId: message.id }, orderBy: { blockIndex: "asc" } });
    return found.every((r) => !running(r.details)) && found;
  }, { what: "every repair to settle" });
  expect(repairRequests().length - repairsBefore).toBe(repairs);
  const cards = rows.map((row) => {
    const v = toChange(row, new Map());
    return { status: v.status, original: v.original, proposed: v.proposed, statusReason: v.statusReason, repaired: v.repaired, documentHas: v.documentHas, attempts: v.attempts.length, repairNote: v.repair?.note ?? null };
  });
  expect(cards).toMatchObject(reply.cards.map(expectedCard));
  expect(message.details.parts.filter((p) => p.kind === "change")).toHaveLength(reply.cards.length);

  // The repair request quoted the model's own block and the document's exact source.
  if (repairs > 0) {
    const asked = JSON.stringify(repairRequests()[repairsBefore].body.messages);
    const first = rows[0];
    const attempt = toChange(first, new Map()).attempts[0];
    expect(asked).toContain(JSON.stringify(block(attempt.original, attempt.proposed, attempt.reason)).slice(1, -1));
    const places = JSON.parse(first.details ?? "{}") as { documentHas?: string[] };
    if (!reply.cards[0].attempts || reply.cards[0].attempts === 1 || reply.cards[0].repaired) {
      for (const place of places.documentHas ?? []) expect(asked).toContain(JSON.stringify(place).slice(1, -1));
    }
  }
});
