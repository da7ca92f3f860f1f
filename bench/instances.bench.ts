import "./server-only-shim";
import os from "node:os";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { sseEvents } from "@/tests/integration/ai/sse";
import { waitUntil } from "@/tests/helpers/wait";
import { startInstancesWorld, type InstancesWorld } from "./instances/world";
import { cpuMs, loadAverage, machineCpuMs, treeCpuMs } from "./scale/proc";
import { seedBulk } from "./seed-bulk";

// `npm run bench -- instances` (issue 19's figures): two instances of a
// production build on one PostgreSQL and one Redis (bench/instances/world.ts).
// - fan-out: a message posted through A, until a reader connected to B has
//   it on its SSE stream (target p95 ≤ 50 ms), B's stream read all along,
//   with the POST's own answer time on A beside it;
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
  // B's stream is read all the time, beside the POSTs: each message is timed
  // when it arrives, which may be before A's answer (A publishes once the
  // message is stored, then answers). Reading it only after the answer would
  // time every message at least as late as the answer.
  const arrived = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const reading = (async () => {
    for await (const e of events) {
      if (e.event !== "message") continue;
      const body = String(e.data.body);
      arrived.set(body, performance.now());
      waiting.get(body)?.();
    }
  })().catch((err: unknown) => {
    if (!reader.signal.aborted) throw err;
  });
  const onB = (body: string) =>
    arrived.has(body) ? Promise.resolve() : new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`"${body}" did not reach B's stream within 30 s`)), 30_000);
      waiting.set(body, () => (clearTimeout(timer), resolve()));
    });
  const delivered: number[] = [];
  const posted: number[] = [];
  for (let i = 0; i < MESSAGES + 5; i++) {
    const body = `fan-out ${i}`;
    const t0 = performance.now();
    const res = await fetch(`${a}/api/threads/${threadId}/messages`, { method: "POST", headers, body: JSON.stringify({ body }) });
    const answered = performance.now() - t0;
    if (res.status !== 201) throw new Error(`POST message on A → ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    await onB(body);
    if (i >= 5) { // warm-up
      delivered.push(arrived.get(body)! - t0);
      posted.push(answered);
    }
  }
  reader.abort();
  await reading;
  return { delivered, posted };
}

type Throughput = { rps: number; p95: number; cpu: string; appCores: number };

/**
 * Requests per second of `/` with CLIENTS clients in a closed loop, each
 * sticking to one of `urls` (round robin), and where the CPU went meanwhile:
 * each instance, PostgreSQL, the forge, this process (the load generator)
 * and the machine as a whole (all cores, every engineer's work included).
 */
async function throughput(w: InstancesWorld, urls: string[]): Promise<Throughput> {
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
  const pids = w.pids();
  const sample = () => ({
    apps: pids.apps.map((pid) => (pid ? cpuMs(pid) : 0)),
    postgres: treeCpuMs(pids.postgres),
    forge: treeCpuMs(pids.forge),
    self: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    machine: machineCpuMs(),
  });
  const before = sample();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(urls[i % urls.length])));
  const wall = performance.now() - t0;
  const after = sample();
  const cores = (ms: number) => (ms / wall).toFixed(2);
  const apps = after.apps.map((a, i) => a - before.apps[i]);
  const busy = after.machine.busy - before.machine.busy;
  const cpu = [
    `A ${cores(apps[0])}, B ${cores(apps[1])}`,
    `PostgreSQL ${cores(after.postgres - before.postgres)}`,
    `forge ${cores(after.forge - before.forge)}`,
    `load generator ${cores(after.self - before.self)}`,
    `machine ${cores(busy)} of ${os.cpus().length} (${((100 * busy) / (after.machine.total - before.machine.total)).toFixed(0)} % busy)`,
    `app CPU ${((apps[0] + apps[1]) / times.length).toFixed(1)} ms/request`,
  ].join("; ");
  return { rps: times.length / (wall / 1000), p95: pct(times, 95), cpu, appCores: (apps[0] + apps[1]) / wall };
}

export default async function instancesBench(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadAverage();
  const w = await startInstancesWorld();
  try {
    await seedBulk(w.bot, { total: RFCS, active: Math.round(RFCS / 10), withdrawn: Math.round(RFCS / 20) });
    await w.start(0);
    await w.start(1);
    await waitUntil(async () => (await db().cachedRfc.count({ where: { invalidReason: null } })) >= RFCS && !!(await db().sweepRun.findFirst({ where: { finishedAt: { not: null } } })), {
      timeoutMs: 30 * 60_000, intervalMs: 1000, what: `${RFCS} RFCs in the cache`,
    });
    for (const url of w.urls) for (let i = 0; i < 20; i++) await (await fetch(`${url}/`)).arrayBuffer(); // warm both
    const loadFanout = loadAverage();
    const { delivered, posted } = await fanout(w);
    const loadOne = loadAverage();
    const one = await throughput(w, [w.urls[0]]);
    const loadTwo = loadAverage();
    const two = await throughput(w, w.urls);
    const rows: [string, string, string, string][] = [
      ["A → reader on B: POST sent → message on B's stream, p95", "≤ 50 ms", `${ms(pct(delivered, 95))} (p50 ${ms(pct(delivered, 50))})`, loadFanout],
      ["  of which the POST's own answer on A, p95", "", ms(pct(posted, 95)), ""],
      ["  on B's stream before A's answer came back", "", `${delivered.filter((d, i) => d < posted[i]).length} of ${delivered.length}`, ""],
      ["catalog `/`, one instance", "", `${one.rps.toFixed(1)} req/s (p95 ${ms(one.p95)})`, loadOne],
      ["  cores used meanwhile", "", one.cpu, ""],
      ["catalog `/`, two instances", "≥ 1.8 × one", `${two.rps.toFixed(1)} req/s (p95 ${ms(two.p95)}) = ${(two.rps / one.rps).toFixed(2)} ×`, loadTwo],
      ["  cores used meanwhile", "", two.cpu, ""],
      // On a machine whose cores are taken, the instances get what the scheduler gives them: per
      // core they used, two instances against one says whether anything they share holds them back.
      ["  req/s per core the instances used, two ÷ one", "", `${(two.rps / two.appCores).toFixed(1)} ÷ ${(one.rps / one.appCores).toFixed(1)} = ${(two.rps / two.appCores / (one.rps / one.appCores)).toFixed(2)} ×`, ""],
    ];
    console.log(`\n${RFCS} RFCs, PostgreSQL + Redis, production build; ${MESSAGES} messages, ${CLIENTS} clients × ${SECONDS} s; ${os.cpus().length} cores`);
    console.log("| figure | target | measured | load average (1, 5, 15 min) at its start |\n|---|---|---|---|");
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log(`\nload average at start ${loadAtStart}, at end ${loadAverage()}; took ${((performance.now() - started) / 1000).toFixed(0)} s; org ${getConfig().org}`);
  } finally {
    await w.close();
  }
}
