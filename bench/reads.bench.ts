import "./server-only-shim"; // lib/ the bench calls (seeding, the DB) may import server-only: resolve it as a server bundle would
import os from "node:os";
import { loadCorpus } from "./scale/corpus";
import { readFigures } from "./scale/figures/reads";
import { FIXTURES, writeFixtureEntries } from "./scale/fixtures";
import { ms } from "./scale/http";
import { loadAverage } from "./scale/proc";
import { seedRfcs } from "./scale/seed";
import { startAndFill, startScaleWorld } from "./scale/world";

// `npm run bench -- reads`: the targets table's read figures alone (the
// catalog, search, GET /api/rfcs, the RFC view) at one scale, in a few
// minutes instead of the whole targets run: the same production build, world,
// seeding and measurement (scale/figures/reads.ts). BENCH_RFCS sets the scale
// (default 10,000), BENCH_N the requests per figure (default 200);
// BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=<dir>" profiles the app.

const RFCS = Number(process.env.BENCH_RFCS ?? 10_000);
const N = Number(process.env.BENCH_N ?? 200);

export default async function readsBench(): Promise<void> {
  const loadAtStart = loadAverage();
  const w = await startScaleWorld();
  try {
    await w.adminPost("/webhooks/pause"); // as in the targets run: the app's startup sweep reads the entries
    await writeFixtureEntries(w);
    const seeded = await seedRfcs(w.bot, (p, body) => w.adminPost(p, body), loadCorpus(), 1, RFCS);
    await startAndFill(w, seeded);
    await w.adminPost("/webhooks/resume");
    const reads = await readFigures(w, { n: N, slugs: seeded.map((s) => s.slug), smallDocSlug: FIXTURES.small });
    const line = (name: string, s: { median: number; p95: number }, cpu: number) => `${name}: median ${ms(s.median)}, p95 ${ms(s.p95)}, app CPU ${ms(cpu)} per request`;
    console.log(line("catalog /", reads.catalog.ttfb, reads.catalog.cpuMs));
    console.log(line("search", reads.search.ttfb, reads.search.cpuMs));
    console.log(`  by query: ${Object.entries(reads.search.perQuery).map(([q, t]) => `${q} ${ms(t)}`).join(", ")}`);
    console.log(line("GET /api/rfcs", reads.api.ttfb, reads.api.cpuMs));
    console.log(line("RFC view", reads.rfcView.ttfb, reads.rfcView.cpuMs));
  } finally {
    await w.close();
  }
  console.log(`${os.cpus().length} cores; load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadAverage()} at the end`);
}
