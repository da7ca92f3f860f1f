import { commitFiles } from "@/lib/bot/write-files";
import { naiveSweep } from "@/lib/cache/naive-sweep";
import { whenIdle } from "@/lib/cache/refresh-queue";
import { sweepOnce } from "@/lib/cache/sweep";
import { readFile, splitFullName } from "@/lib/gitea";
import { wipeCache } from "@/lib/cache/rebuild";
import { seedBulk } from "./seed-bulk";
import { seedBranches } from "./seed-private";
import { startBenchWorld, type BenchWorld } from "./world";
import { timeWebhooks } from "./webhook-timing";

// §4 figures: forge requests (the forge's own counter) and wall time of an
// idle sweep, of a sweep after one RFC changed, and of a naive full sweep,
// with 500 RFCs (100 active with their own repos) and private branches in
// 40 private companion repos (README "What private means"); then the
// webhook route's time for a push on a per-RFC repo.

const TOTAL = Number(process.env.BENCH_RFCS ?? 500);
const ACTIVE = Math.round(TOTAL / 5);
const PRIVATE_RFCS = Number(process.env.BENCH_PRIVATE_RFCS ?? Math.round(TOTAL / 12.5));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bot = { userId: null, login: "carol", name: "Carol Chen" };

async function measure(w: BenchWorld, label: string, run: () => Promise<unknown>) {
  await w.adminPost("/requests/reset");
  const t0 = performance.now();
  await run();
  await whenIdle();
  const ms = performance.now() - t0;
  const { total, counts } = await w.forgeRequests();
  return { label, requests: total, ms: Math.round(ms), counts };
}

export default async function sweepBench(): Promise<void> {
  const w = await startBenchWorld();
  try {
    await w.adminPost("/webhooks/pause"); // the sweep alone must find every change
    const t0 = performance.now();
    const rfcs = await seedBulk(bot, { total: TOTAL, active: ACTIVE, withdrawn: Math.round(TOTAL / 20) });
    const { companions } = await seedBranches(bot, rfcs, { privateRfcs: PRIVATE_RFCS, perRfc: 2 });
    console.log(`seeded ${TOTAL} RFCs (${ACTIVE} active with repos, ${companions.length} private companion repos) in ${Math.round(performance.now() - t0)} ms`);
    await sweepOnce({ trigger: "bench" }); // the cache learns the RFCs, then starts again from nothing
    await wipeCache();

    const rows = [await measure(w, "first sweep (empty cache: full rebuild)", () => sweepOnce({ trigger: "bench" }))];
    await sleep(2100); // updated_at has one-second precision: let the last writes settle
    await sweepOnce({ trigger: "bench" });
    rows.push(await measure(w, "idle sweep (nothing changed)", () => sweepOnce({ trigger: "bench" })));

    const active = rfcs.find((r) => r.repo)!;
    const ref = { owner: active.repo!.split("/")[0], repo: active.repo!.split("/")[1] };
    const rfcMd = await readFile(ref, "RFC.md", "main");
    await commitFiles({ repo: ref, branch: "main", files: [{ op: "update", path: "RFC.md", content: `${rfcMd!.text}\nOne more line.\n`, sha: rfcMd!.sha }], subject: "Edit", actor: bot, audit: { kind: "bench" } });
    rows.push(await measure(w, "sweep after one active RFC changed", () => sweepOnce({ trigger: "bench" })));

    const draft = rfcs.find((r) => r.state === "super-draft")!;
    const entry = await readFile({ owner: "rfcs", repo: "meta" }, `rfcs/${draft.slug}.md`, "main");
    await commitFiles({ repo: { owner: "rfcs", repo: "meta" }, branch: "main", files: [{ op: "update", path: `rfcs/${draft.slug}.md`, content: `${entry!.text}\nMore.\n`, sha: entry!.sha }], subject: "Edit", actor: bot, audit: { kind: "bench" } });
    rows.push(await measure(w, "sweep after one super-draft changed", () => sweepOnce({ trigger: "bench" })));

    const companion = splitFullName(companions[0].repo);
    const { path } = companions[0];
    const secret = (await readFile(companion, path, "secret-1"))!;
    await commitFiles({ repo: companion, branch: "secret-1", files: [{ op: "update", path, content: `${secret.text}\nA private line.\n`, sha: secret.sha }], subject: "Edit", actor: bot, audit: { kind: "bench" } });
    rows.push(await measure(w, "sweep after one private branch changed", () => sweepOnce({ trigger: "bench" })));

    await sleep(2100);
    await sweepOnce({ trigger: "bench" });
    rows.push(await measure(w, "idle sweep (again)", () => sweepOnce({ trigger: "bench" })));
    rows.push(await measure(w, "naive full sweep (re-read everything, seed 001)", () => naiveSweep()));

    console.log(`\n| sweep (${TOTAL} RFCs, ${ACTIVE} per-RFC repos, ${companions.length} private companion repos) | forge requests | wall time |`);
    console.log("|---|---:|---:|");
    for (const r of rows) console.log(`| ${r.label} | ${r.requests} | ${r.ms} ms |`);
    console.log("\nidle sweep requests by route:", rows[1].counts);

    await w.adminPost("/webhooks/resume");
    const hook = await timeWebhooks(w, active.repo!, 100);
    const f = (s: { median: number; p95: number; max: number }) => `${s.median.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.max.toFixed(1)} ms`;
    console.log(`\n| webhook, push on ${active.repo} (${hook.n} signed deliveries, one after another) | median | p95 | max |`);
    console.log("|---|---:|---:|---:|");
    console.log(`| route handler (request in → response out, measured in the app server) | ${f(hook.route)} |`);
    console.log(`| client round trip over HTTP | ${f(hook.client)} |`);
  } finally {
    await whenIdle();
    await w.close();
  }
}
