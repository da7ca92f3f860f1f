import { GET as live } from "@/app/api/live/route";
import { GET as getMessages, POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { pruneLiveEvents } from "@/lib/realtime/log";
import { announceRfcChanged } from "@/lib/lifecycle/live";
import { rfcTopic, threadTopic } from "@/lib/realtime/topics";
import { setupFixture, SUPER, type Fixture, type Login } from "../ai/fixture";
import { sseEvents, type SseEvent } from "../ai/sse";
import { sessionCookieFor } from "../../helpers/session";

// Issue 14 "nothing missed": every live stream numbers its events in the
// database, a page follows from the number its load answered (`liveSeq`),
// and a reconnect resumes from Last-Event-ID — so a message posted between
// the first load and the live connection, or while the connection was down,
// still arrives, exactly once and in order.

let fx: Fixture;
let thread: string;
let privateThread: string;
beforeAll(async () => {
  fx = await setupFixture({});
  await fx.cutBranch(SUPER, "live-branch");
  thread = await fx.mainThreadId(SUPER, "live-branch");
  await fx.cutBranch(SUPER, "hidden", "erin", "private");
  privateThread = (await db().thread.create({ data: { rfcSlug: SUPER, branch: "hidden", kind: "main", mainKey: `${SUPER}\nhidden`, title: "hidden" } })).id;
});
afterAll(() => fx.close());

const post = async (body: string, as: Login = "bob") => {
  const res = await fx.call(postMessage as never, { as, method: "POST", params: { threadId: thread }, body: { body } });
  expect(res.status).toBe(201);
};
const liveSeqOf = async (threadId: string) => {
  const res = await fx.call(getMessages as never, { as: "alice", params: { threadId } });
  return ((await res.json()) as { liveSeq: number }).liveSeq;
};

/** Opens GET /api/live and reads events until `until` says stop; the stream is then closed. */
async function follow(query: Record<string, string>, until: (seen: SseEvent[]) => boolean, opts: { as?: Login; lastEventId?: string; onReady?: () => Promise<void> } = {}) {
  const controller = new AbortController();
  const url = `/api/live?${new URLSearchParams(query)}`;
  const res = await callLive(url, opts.as ?? "alice", controller.signal, opts.lastEventId);
  const seen: SseEvent[] = [];
  if (res.status !== 200) return { status: res.status, seen, body: await res.json() };
  for await (const e of sseEvents(res)) {
    seen.push(e);
    if (e.event === "ready") await opts.onReady?.();
    if (until(seen)) break;
  }
  controller.abort();
  return { status: res.status, seen, body: null };
}

async function callLive(path: string, as: Login, signal: AbortSignal, lastEventId?: string): Promise<Response> {
  const headers: Record<string, string> = { cookie: await sessionCookieFor({ login: as }) };
  if (lastEventId) headers["last-event-id"] = lastEventId;
  return live(new Request(`${getConfig().appUrl}${path}`, { headers, signal }), { params: Promise.resolve({}) } as never);
}

const bodies = (seen: SseEvent[]) => seen.filter((e) => e.event === "message").map((e) => (e.data.data as { body: string }).body);
const hasBody = (text: string) => (seen: SseEvent[]) => bodies(seen).includes(text);

it("a message posted between the load and the live connection is not lost", async () => {
  const since = await liveSeqOf(thread);
  await post("while the page was still connecting");
  await post("and a second one");
  const { seen } = await follow({ topics: threadTopic(thread), since: String(since) }, hasBody("once live"), {
    onReady: () => post("once live"),
  });
  expect(bodies(seen)).toEqual(["while the page was still connecting", "and a second one", "once live"]);
  // The replayed ones come before `ready`, each numbered one after the other.
  expect(seen.findIndex((e) => e.event === "ready")).toBe(2);
  const seqs = seen.filter((e) => e.event === "message").map((e) => e.data.seq as number);
  expect(seqs).toEqual([since + 1, since + 2, since + 3]);
  expect(seen.filter((e) => e.event === "message").map((e) => e.id)).toEqual(seqs.map(String));
});

it("a reconnect resumes from Last-Event-ID, whatever `since` the URL still carries", async () => {
  const since = await liveSeqOf(thread);
  await post("first");
  const first = await follow({ topics: threadTopic(thread), since: String(since) }, hasBody("first"));
  const lastId = first.seen.find((e) => e.event === "message")!.id!;
  await post("posted while the connection was down");
  await post("also while down");
  const again = await follow({ topics: threadTopic(thread), since: String(since) }, hasBody("also while down"), { lastEventId: lastId });
  expect(bodies(again.seen)).toEqual(["posted while the connection was down", "also while down"]);
});

it("several topics share one connection, each with its own number", async () => {
  const since = await liveSeqOf(thread);
  const other = await fx.mainThreadId(SUPER, "main");
  const otherSince = await liveSeqOf(other);
  await post("on the branch");
  const res = await fx.call(postMessage as never, { as: "carol", method: "POST", params: { threadId: other }, body: { body: "on main" } });
  expect(res.status).toBe(201);
  const topics = [threadTopic(thread), threadTopic(other)];
  const { seen } = await follow({ topics: topics.join(","), since: `${since}.${otherSince}` }, (s) => hasBody("on the branch")(s) && hasBody("on main")(s));
  // Each topic's replay reads its own log, and on PostgreSQL the two reads run on two connections:
  // the two messages may come in either order. Each id holds every topic's number so far.
  const messages = seen.filter((e) => e.event === "message");
  const idOf = (body: string) => messages.find((e) => (e.data.data as { body: string }).body === body)!.id!.split(".").map(Number);
  expect(idOf("on the branch")[0]).toBe(since + 1);
  expect(idOf("on main")[1]).toBe(otherSince + 1);
  expect(messages.map((e) => e.id)).toEqual(
    idOf("on the branch")[1] === otherSince ? [`${since + 1}.${otherSince}`, `${since + 1}.${otherSince + 1}`] : [`${since}.${otherSince + 1}`, `${since + 1}.${otherSince + 1}`],
  );
});

it("a topic the reader may not see is denied by name; the others still follow", async () => {
  const since = await liveSeqOf(thread);
  await post("visible");
  const { seen } = await follow({ topics: `${threadTopic(privateThread)},${threadTopic(thread)}`, since: `0.${since}` }, hasBody("visible"), { as: "alice" });
  expect(seen[0]).toMatchObject({ event: "denied", data: { topic: threadTopic(privateThread), code: "not_found" } });
  expect(bodies(seen)).toEqual(["visible"]);
});

it("an RFC's lifecycle topic: anyone who can read the RFC follows its `changed`, unnumbered; an unknown RFC is denied (§3)", async () => {
  const { seen } = await follow(
    { topics: `${rfcTopic("no-such-rfc")},${rfcTopic(SUPER)}`, since: "0.0" },
    (s) => s.some((e) => e.event === "changed"),
    { onReady: async () => announceRfcChanged([SUPER]) },
  );
  expect(seen[0]).toMatchObject({ event: "denied", data: { topic: rfcTopic("no-such-rfc"), code: "not_found" } });
  expect(seen.find((e) => e.event === "changed")).toMatchObject({ data: { topic: rfcTopic(SUPER), seq: null, data: { slug: SUPER } } });
});

it("bad input is a 400 naming the field; notifications need a session", async () => {
  const badSince = await follow({ topics: threadTopic(thread), since: "x" }, () => true);
  expect(badSince.status).toBe(400);
  expect(badSince.body).toMatchObject({ error: { code: "bad_request" } });
  const controller = new AbortController();
  const anon = await live(new Request(`${getConfig().appUrl}/api/live?topics=me&since=0`, { signal: controller.signal }), { params: Promise.resolve({}) } as never);
  const events: SseEvent[] = [];
  for await (const e of sseEvents(anon)) {
    events.push(e);
    break;
  }
  controller.abort();
  expect(events[0]).toMatchObject({ event: "denied", data: { topic: "me", code: "unauthorized" } });
});

it("a cursor below what the log still holds gets a reset to reload from", async () => {
  await post("old news");
  const head = await liveSeqOf(thread);
  // Everything older than "now" is pruned: the topic's floor rises to its head.
  expect(await pruneLiveEvents(-1)).toBeGreaterThan(0);
  const { seen } = await follow({ topics: threadTopic(thread), since: "0" }, (s) => s.some((e) => e.event === "ready"));
  expect(seen[0]).toMatchObject({ event: "reset", data: { topic: threadTopic(thread), seq: head } });
});
