import "./server-only-shim";
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { actorFrom } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh, whenIdle } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { setLanguageModelOverride } from "@/lib/ai/providers";
import { resetAiRateLimits } from "@/lib/ai/chat/rate-limit";
import { getOrCreateMainThread } from "@/lib/threads/main-thread";
import { ensureUser, sessionCookieFor } from "@/tests/helpers/session";
import { startBenchWorld } from "./world";

// Issue 14 and issue 15 item 5, measured in process as Next calls the route
// handlers (the forge in its own process):
// - the first SSE byte of an AI reply (the stream opens before the writes);
// - the app's time per streamed chunk (a model with no delay, 2,000 chunks);
// - from an action (a message mentioning someone) to the notification on the
//   recipient's open live stream (GET /api/live?topics=me);
// - the bell's count and first page with 1,000 notifications for one user.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const N = Number(process.env.BENCH_LIVE_RUNS ?? 40);
const SLUG = "live-bench";
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } };

function model(chunks: string[]): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: async () => ({
      stream: new ReadableStream<LanguageModelV3StreamPart>({
        start(c) {
          c.enqueue({ type: "stream-start", warnings: [] });
          c.enqueue({ type: "text-start", id: "t" });
          for (const delta of chunks) c.enqueue({ type: "text-delta", id: "t", delta });
          c.enqueue({ type: "text-end", id: "t" });
          c.enqueue({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage });
          c.close();
        },
      }),
    }),
  });
}

async function request(login: string, path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<Request> {
  const headers: Record<string, string> = { origin: new URL(getConfig().appUrl).origin, cookie: await sessionCookieFor({ login }) };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${getConfig().appUrl}${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
}

async function seed(): Promise<string> {
  const bob = actorFrom(await ensureUser({ login: "bob" }));
  for (const login of ["alice", "carol"]) await ensureUser({ login });
  const { org, metaRepoFullName } = getConfig();
  const content = serializeNewEntry({
    slug: SLUG, title: "Live bench", state: "super-draft", id: "", repo: "", proposedBy: "bob", proposedAt: "2026-01-01T00:00:00Z",
    graduatedAt: "", graduatedBy: "", owners: ["bob"], arbiters: [], tags: [], body: "# Live bench\n\nOne paragraph.\n", extra: {},
  });
  await commitFiles({ repo: { owner: org, repo: metaRepoFullName.split("/")[1] }, branch: "main", subject: "Seed", actor: bob, audit: { kind: "bench" }, files: [{ op: "create", path: entryPath(SLUG), content }] });
  await enqueueRefresh(metaRepoFullName, { branches: true, entries: true });
  await whenIdle();
  return (await getOrCreateMainThread(SLUG, "main")).id;
}

/** Reads a streamed answer: ms to its first byte, to its first event (the saved question), and to its end. */
async function timed(res: Response, t0: number): Promise<{ first: number; firstEvent: number; end: number; text: string }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let first = -1;
  let firstEvent = -1;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (first < 0) first = performance.now() - t0;
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (firstEvent < 0 && text.includes("event: message")) firstEvent = performance.now() - t0;
  }
  return { first, firstEvent, end: performance.now() - t0, text };
}

async function aiFigures(threadId: string) {
  const { POST } = (await import("@/app/api/threads/[threadId]/messages/route")) as unknown as { POST: Handler };
  const firstByte: number[] = [];
  const firstEvent: number[] = [];
  const perChunk: number[] = [];
  for (let i = 0; i < N; i++) {
    resetAiRateLimits();
    setLanguageModelOverride(() => model(["A short answer."]));
    const t0 = performance.now();
    const res = await POST(await request("alice", "/x", { method: "POST", body: { body: `@ai question ${i}`, askAi: true } }), { params: Promise.resolve({ threadId }) });
    const t = await timed(res, t0);
    firstByte.push(t.first);
    firstEvent.push(t.firstEvent);
  }
  const CHUNKS = 2000;
  for (let i = 0; i < 5; i++) {
    resetAiRateLimits();
    setLanguageModelOverride(() => model(Array.from({ length: CHUNKS }, (_, k) => `word${k} `)));
    const t0 = performance.now();
    const res = await POST(await request("alice", "/x", { method: "POST", body: { body: `@ai long ${i}`, askAi: true } }), { params: Promise.resolve({ threadId }) });
    const t = await timed(res, t0);
    if (!t.text.includes(`word${CHUNKS - 1}`)) throw new Error("the long reply did not stream whole");
    perChunk.push(t.end / CHUNKS);
  }
  setLanguageModelOverride(null);
  return { firstByte, firstEvent, perChunk };
}

async function notificationFigures(threadId: string) {
  const { GET: live } = (await import("@/app/api/live/route")) as unknown as { GET: Handler };
  const { POST } = (await import("@/app/api/threads/[threadId]/messages/route")) as unknown as { POST: Handler };
  const { GET: list } = (await import("@/app/api/notifications/route")) as unknown as { GET: Handler };
  const carol = await db().user.findUniqueOrThrow({ where: { login: "carol" } });
  const controller = new AbortController();
  const res = await live(await request("carol", `/api/live?topics=me&since=0`, { signal: controller.signal }), { params: Promise.resolve({}) });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const nextNotification = async () => {
    for (;;) {
      const at = buffer.indexOf("event: notification\n");
      if (at >= 0) {
        const end = buffer.indexOf("\n\n", at);
        if (end >= 0) {
          buffer = buffer.slice(end + 2);
          return;
        }
      }
      const { done, value } = await reader.read();
      if (done) throw new Error("live stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  // Wait for `ready` so the stream is live before timing.
  while (!buffer.includes("event: ready")) buffer += decoder.decode((await reader.read()).value, { stream: true });
  buffer = "";
  const toPage: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const posted = await POST(await request("bob", "/x", { method: "POST", body: { body: `@carol look at ${i}` } }), { params: Promise.resolve({ threadId }) });
    if (posted.status !== 201) throw new Error(`post → ${posted.status}`);
    await nextNotification();
    toPage.push(performance.now() - t0);
  }
  controller.abort();

  // 1,000 notifications for one person, then the bell's load.
  const have = await db().notification.count({ where: { userId: carol.id } });
  const rows = Array.from({ length: 1000 - have }, (_, i) => ({
    userId: carol.id, kind: "mention", actorLogin: "bob", actorName: "Bob", rfcSlug: SLUG, text: `Bob mentioned you (${i})`, url: `/rfcs/${SLUG}`, key: `bench:${i}`,
    createdAt: new Date(Date.now() - i * 60_000), readAt: i % 3 === 0 ? new Date() : null,
  }));
  await db().notification.createMany({ data: rows });
  const bell: number[] = [];
  for (let i = 0; i < 5; i++) await list(await request("carol", "/api/notifications"), { params: Promise.resolve({}) }); // warm
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = await list(await request("carol", "/api/notifications"), { params: Promise.resolve({}) });
    const body = (await r.json()) as { notifications: unknown[]; unread: number };
    bell.push(performance.now() - t0);
    if (body.notifications.length !== 20) throw new Error("the first page is not 20 notifications");
  }
  return { toPage, bell };
}

export default async function liveBench(): Promise<void> {
  Object.assign(process.env, { AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: "compat:bench-model", AI_RATE_PER_MIN: "100000" });
  const w = await startBenchWorld();
  Object.assign(process.env, { AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: "compat:bench-model", AI_RATE_PER_MIN: "100000" });
  try {
    const threadId = await seed();
    const ai = await aiFigures(threadId);
    const n = await notificationFigures(threadId);
    console.log(`\n| figure (${N} runs; in process, forge in its own process) | median | p95 | target |`);
    console.log("|---|---:|---:|---|");
    console.log(`| first SSE byte of an AI reply | ${pct(ai.firstByte, 50).toFixed(1)} ms | ${pct(ai.firstByte, 95).toFixed(1)} ms | p95 ≤ 30 ms |`);
    console.log(`| … its first event (the question saved with the reply's row, one transaction) | ${pct(ai.firstEvent, 50).toFixed(1)} ms | ${pct(ai.firstEvent, 95).toFixed(1)} ms | |`);
    console.log(`| app time per streamed chunk (2,000-chunk reply, 5 runs) | ${pct(ai.perChunk, 50).toFixed(3)} ms | ${pct(ai.perChunk, 95).toFixed(3)} ms | ≤ 0.5 ms |`);
    console.log(`| a mention → the notification on the recipient's live stream | ${pct(n.toPage, 50).toFixed(1)} ms | ${pct(n.toPage, 95).toFixed(1)} ms | p95 ≤ 200 ms |`);
    console.log(`| the bell: count and first page, 1,000 notifications | ${pct(n.bell, 50).toFixed(1)} ms | ${pct(n.bell, 95).toFixed(1)} ms | p95 ≤ 20 ms |`);
  } finally {
    await whenIdle();
    await w.close();
  }
}
