import { appClient, mainThreadId } from "../app-client";
import { measure, stats, type Stats } from "../http";
import { cpuMs } from "../proc";
import { BENCH_AI_MODEL } from "../fake-ai";
import type { ScaleWorld } from "../world";

// The chat figures: the first byte of the SSE answer to "ask the AI" (the
// AI answers at once, so this is the app's own time before it streams), and
// the app's CPU time per streamed chunk of a long reply sent one byte per
// chunk as fast as the AI server can (CPU time, so the machine's other load
// does not count).

export type ChatFigures = { firstByte: Stats; perChunk: { cpuMs: number; wallMs: number; chunks: number; ok: boolean } };

export async function chatFigures(w: ScaleWorld, opts: { slug: string; branch: string; n: number; chunks: number }): Promise<ChatFigures> {
  const bob = await appClient(w, "bob");
  const thread = await mainThreadId(bob, opts.slug, opts.branch);
  const replies = await measure(opts.n, async () => {
    const r = await bob.post(`/api/threads/${thread}/messages`, { body: "@ai what do you think?", askAi: true, model: BENCH_AI_MODEL });
    if (r.status !== 200 || !r.body.includes("event: done")) throw new Error(`AI reply → ${r.status} ${r.body.slice(0, 200)}`);
    return r;
  }, 3);

  const pid = w.appPid();
  const cpu0 = cpuMs(pid);
  const long = await bob.post(`/api/threads/${thread}/messages`, { body: `@ai stream ${opts.chunks}`, askAi: true, model: BENCH_AI_MODEL });
  const cpu = cpuMs(pid) - cpu0;
  const done = /event: done\ndata: (.*)\n/.exec(long.body);
  const message = done ? (JSON.parse(done[1]) as { message: { status: string; body: string } }).message : null;
  return {
    firstByte: stats(replies.map((r) => r.ttfbMs)),
    perChunk: { cpuMs: cpu / opts.chunks, wallMs: long.totalMs / opts.chunks, chunks: opts.chunks, ok: message?.status === "complete" && message.body.length === opts.chunks },
  };
}
