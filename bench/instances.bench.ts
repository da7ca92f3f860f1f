import "./server-only-shim";
import os from "node:os";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { sseEvents } from "@/tests/integration/ai/sse";
import { waitUntil } from "@/tests/helpers/wait";
import { startInstancesWorld, type InstancesWorld } from "./instances/world";
import { seedBulk } from "./seed-bulk";

// `npm run bench -- instances` (issue 19's figures): two instances of a
// production build on one PostgreSQL and one Redis (bench/instances/world.ts).
// - fan-out: a message posted through A, until a reader connected to B has
//   it on its SSE stream (target p95 ≤ 50 ms), with the POST's own time on A
//   and what B's stream took beyond A's answer (the bus through Redis);
// - catalog throughput: the catalog page (`/`) read by BENCH_CLIENTS clients
//   in a closed loop for BENCH_SECONDS, against A alone, then spread over A
//   and B (target ≥ 1.8 × one instance).
// Both are wall-clock figures on a shared machine: the load average is
// printed beside them (bench/README.md).

const RFCS = Number(process.env.BENCH_INSTANCES_RFCS ?? 1000);
const MESSAGES = Number(process.env.BENCH_FANOUT_N ?? 200);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SLUG = "proposal-0100";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

async function fanout(w: InstancesWorld): Promise<{ delivered: number[]; posted: number[] }> {
  const [a, b] = w.urls;
  const headers = { cookie: await w.sessionCookie("alice"), origin: w.origin, "content-type": "application/json" };
  const threads = await fetch(`${b}/api/rfcs/${SLUG}/branches/main/threads`, { headers });
  if (!threads.ok) throw new Error(`threads of ${SLUG} → ${threads.status}`);
  const threadId = ((await threads.json()) as { threads: { id: string; kind: string }[] }).threads.find((t) => t.kind === "main")!.id;
  const reader = new AbortController();
  const stream = await fetch(`${b}/api/threads/${threadId}/events`, { headers, signal: reader.signal });
  const events = sseEvents(stream);
  if ((await events.next()).value?.event !== "ready") throw new Error("B's thread stream did not open");
  const delivered: number[] = [];
  const posted: number[] = [];
  for (let i = 0; i < MESSAGES + 5; i++) {
    const body = `fan-out ${i}`;
    const t0 = performance.now();
    const res = await fetch(`${a}/api/threads/${threadId}/messages`, { method: "POST", headers, body: JSON.stringify({ body }) });
    const answered = performance.now() - t0;
    if (res.status !== 201) throw new Error(`POST message on A → ${res.status} ${await res.text()}`);
    for (;;) {
      const { value, done } = await events.next();
      if (done) throw new Error("B's stream ended");
      if (value.event === "message" && value.data.body === body) break;
    }
    if (i >= 5) { // warm-up
      delivered.push(performance.now() - t0);
      posted.push(answered);
    }
  }
  reader.abort();
  return { delivered, posted };
}

/** Requests per second of `/` with CLIENTS clients in a closed loop, each sticking to one of `urls` (round robin). */
async function throughput(urls: string[]): Promise<{ rps: number; p95: number }> {
  const times: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const client = async (url: string) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const res = await fetch(`${url}/`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${url}/ → ${res.status}`);
      times.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(urls[i % urls.length])));
  return { rps: times.length / ((performance.now() - t0) / 1000), p95: pct(times, 95) };
}

export default async function instancesBench(): Promise<void> {
  const started = performance.now();
  const loadAtStart = load();
  const w = await startInstancesWorld();
  try {
    await seedBulk(w.bot, { total: RFCS, active: Math.round(RFCS / 10), withdrawn: Math.round(RFCS / 20) });
    await w.start(0);
    await w.start(1);
    await waitUntil(async () => (await db().cachedRfc.count({ where: { invalidReason: null } })) >= RFCS && !!(await db().sweepRun.findFirst({ where: { finishedAt: { not: null } } })), {
      timeoutMs: 30 * 60_000, intervalMs: 1000, what: `${RFCS} RFCs in the cache`,
    });
    for (const url of w.urls) for (let i = 0; i < 20; i++) await (await fetch(`${url}/`)).arrayBuffer(); // warm both
    const loadFanout = load();
    const { delivered, posted } = await fanout(w);
    const loadOne = load();
    const one = await throughput([w.urls[0]]);
    const loadTwo = load();
    const two = await throughput(w.urls);
    const rows: [string, string, string, string][] = [
      ["A → reader on B: POST sent → message on B's stream, p95", "≤ 50 ms", `${ms(pct(delivered, 95))} (p50 ${ms(pct(delivered, 50))})`, loadFanout],
      ["  of which the POST's own answer on A, p95", "", ms(pct(posted, 95)), ""],
      ["  B's stream after A answered, p95", "", ms(pct(delivered.map((d, i) => d - posted[i]), 95)), ""],
      ["catalog `/`, one instance", "", `${one.rps.toFixed(1)} req/s (p95 ${ms(one.p95)})`, loadOne],
      ["catalog `/`, two instances", "≥ 1.8 × one", `${two.rps.toFixed(1)} req/s (p95 ${ms(two.p95)}) = ${(two.rps / one.rps).toFixed(2)} ×`, loadTwo],
    ];
    console.log(`\n${RFCS} RFCs, PostgreSQL + Redis, production build; ${MESSAGES} messages, ${CLIENTS} clients × ${SECONDS} s; ${os.cpus().length} cores`);
    console.log("| figure | target | measured | load average (1, 5, 15 min) at its start |\n|---|---|---|---|");
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log(`\nload average at start ${loadAtStart}, at end ${load()}; took ${((performance.now() - started) / 1000).toFixed(0)} s; org ${getConfig().org}`);
  } finally {
    await w.close();
  }
}
