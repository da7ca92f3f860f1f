import { POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { GET as getDocument } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { POST as flush } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { GET as listThreads, POST as createThread } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { GET as getEvents } from "@/app/api/threads/[threadId]/events/route";
import { GET as getMessages, POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { captureRange } from "@/lib/anchors";
import { databaseProvider, db } from "@/lib/db/client";
import { json, setupFixture, SUPER, type Fixture } from "./fixture";

// §8.12 sub-threads re-anchored after edits (moved, changed, deleted) and
// §8.4 chat: post, list, and new messages streamed to another viewer (SSE).

let fx: Fixture;
const params = { slug: SUPER, branch: "notes" };
beforeAll(async () => {
  fx = await setupFixture();
  expect((await fx.call(cutBranch, { as: "alice", method: "POST", params: { slug: SUPER }, body: { name: "notes" } })).status).toBe(201);
});
afterAll(() => fx.close());

type Thread = { id: string; kind: string; title: string; anchorState: string | null; anchorRange: { start: number; end: number } | null; messageCount: number };
const doc = async () => json<{ text: string; headSha: string }>(await fx.call(getDocument, { as: "alice", params }));
const threads = async () => (await json<{ threads: Thread[] }>(await fx.call(listThreads, { as: null, params }))).threads;
async function rewrite(change: (text: string) => string) {
  const d = await doc();
  const res = await fx.call(flush, { as: "alice", method: "POST", params, body: { baseSha: d.headSha, text: change(d.text) } });
  expect(res.status).toBe(200);
  return change(d.text);
}

describe("sub-threads and anchors", () => {
  let rangeA: string; // on "five minutes"
  let rangeB: string; // on "many times per write"
  let para: string; // on the Risks paragraph

  beforeAll(async () => {
    const { text } = await doc();
    const open = async (anchor: unknown, kind: string) => {
      const res = await fx.call(createThread, { as: "erin", method: "POST", params, body: { kind, anchor, body: "Why?" } });
      expect(res.status).toBe(201);
      return (await json<{ thread: Thread }>(res)).thread;
    };
    const at = (q: string) => text.indexOf(q);
    const a = await open({ kind: "range", ...captureRange(text, at("five minutes"), at("five minutes") + 12) }, "range");
    expect(a).toMatchObject({ kind: "range", title: "five minutes", anchorState: "attached", messageCount: 1 });
    rangeA = a.id;
    rangeB = (await open({ kind: "range", ...captureRange(text, at("many times per write"), at("many times per write") + 20) }, "range")).id;
    const blocks = text.split("\n\n");
    const risks = blocks.findIndex((b) => b.startsWith("Stale reads"));
    para = (await open({ kind: "paragraph", blockIndex: risks, blockText: blocks[risks] }, "paragraph")).id;
  });

  it("lists the main thread first (created on first read), then the sub-threads", async () => {
    const list = await threads();
    expect(list[0].kind).toBe("main");
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining([rangeA, rangeB, para]));
  });

  it("follows moved text, detaches changed and deleted text — never silently moved", async () => {
    const text = await rewrite((t) =>
      t
        .replace("# Cache policy\n\n", "# Cache policy\n\nA new opening paragraph pushes everything down.\n\n")
        .replace("many times per write", "often")
        .replace("Stale reads are possible after a write.\n", ""),
    );
    const byId = new Map((await threads()).map((t) => [t.id, t]));
    const a = byId.get(rangeA)!;
    expect(a.anchorState).toBe("attached");
    expect(text.slice(a.anchorRange!.start, a.anchorRange!.end)).toBe("five minutes");
    expect(byId.get(rangeB)).toMatchObject({ anchorState: "detached", anchorRange: null });
    expect(byId.get(para)).toMatchObject({ anchorState: "detached", anchorRange: null });
  });

  it("validates the anchor (422)", async () => {
    const bad = await fx.call(createThread, { as: "erin", method: "POST", params, body: { kind: "range", anchor: { kind: "paragraph", blockIndex: 0, blockText: "x" }, body: "x" } });
    expect(bad.status).toBe(422);
    const anon = await fx.call(createThread, { as: null, method: "POST", params, body: { kind: "range", anchor: { kind: "range", quote: "x", prefix: "", suffix: "" }, body: "x" } });
    expect(anon.status).toBe(401);
  });
});

describe("branch chat", () => {
  it("posts, lists and streams new messages to another viewer", async () => {
    const main = (await threads())[0];
    const abort = new AbortController();
    const stream = await fx.call(getEvents, { as: "bob", params: { threadId: main.id }, signal: abort.signal });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    const until = async (needle: string) => {
      while (!seen.includes(needle)) seen += decoder.decode((await reader.read()).value);
    };
    await until("event: ready");
    const before = await db().thread.findUniqueOrThrow({ where: { id: main.id } });
    const res = await fx.call(postMessage, { as: "alice", method: "POST", params: { threadId: main.id }, body: { body: "Shall we say ten?" } });
    expect(res.status).toBe(201);
    const { message } = await json<{ message: { id: string; authorKind: string; author: { login: string } } }>(res);
    // The author is the signed-in user as the users row has them, in the answer and on the stream alike.
    const alice = await db().user.findUniqueOrThrow({ where: { login: "alice" } });
    const author = { login: "alice", name: alice.name || "alice", avatarUrl: alice.avatarUrl };
    expect(message).toMatchObject({ authorKind: "user", author });
    await until("Shall we say ten?");
    expect(seen).toContain(`"author":${JSON.stringify(author)}`);
    // The thread's last activity is written after the publish, before the answer.
    expect((await db().thread.findUniqueOrThrow({ where: { id: main.id } })).updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    // Each event's SSE id is its number in the thread's stream, so a reconnect resumes with Last-Event-ID (issue 14).
    expect(seen).toMatch(new RegExp(`id: \\d+\nevent: message\ndata: \\{"id":"${message.id}"`));
    abort.abort();
    await reader.cancel().catch(() => undefined);

    const listed = await json<{ messages: { id: string; body: string }[] }>(await fx.call(getMessages, { as: null, params: { threadId: main.id } }));
    expect(listed.messages.map((m) => m.body)).toContain("Shall we say ten?");
    expect((await fx.call(postMessage, { as: null, method: "POST", params: { threadId: main.id }, body: { body: "hi" } })).status).toBe(401);
    expect((await fx.call(postMessage, { as: "alice", method: "POST", params: { threadId: main.id }, body: { body: "  " } })).status).toBe(422);
  });

  it("answers with a stored message even when only its thread's activity time fails to save", async () => {
    const main = (await threads())[0];
    const pg = databaseProvider() === "postgresql"; // npm run test:pg runs this file on PostgreSQL
    const freeze = pg
      ? [
          `CREATE FUNCTION test_thread_frozen() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'thread frozen'; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER test_thread_frozen BEFORE UPDATE ON "Thread" FOR EACH ROW EXECUTE FUNCTION test_thread_frozen()`,
        ]
      : [`CREATE TRIGGER test_thread_frozen BEFORE UPDATE ON "Thread" BEGIN SELECT RAISE(ABORT, 'thread frozen'); END`];
    for (const sql of freeze) await db().$executeRawUnsafe(sql);
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const res = await fx.call(postMessage, { as: "alice", method: "POST", params: { threadId: main.id }, body: { body: "Posted once" } });
      expect(res.status).toBe(201);
      expect(String(logged.mock.calls[0]?.[0])).toContain("thread activity time not saved");
    } finally {
      logged.mockRestore();
      const thaw = pg ? [`DROP TRIGGER test_thread_frozen ON "Thread"`, `DROP FUNCTION test_thread_frozen()`] : [`DROP TRIGGER test_thread_frozen`];
      for (const sql of thaw) await db().$executeRawUnsafe(sql);
    }
    const listed = await json<{ messages: { body: string }[] }>(await fx.call(getMessages, { as: null, params: { threadId: main.id } }));
    expect(listed.messages.filter((m) => m.body === "Posted once")).toHaveLength(1);
  });
});
