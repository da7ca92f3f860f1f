import "./server-only-shim"; // lib/ the bench calls (seeding, the DB) may import server-only: resolve it as a server bundle would
import os from "node:os";
import { loadCorpus } from "./scale/corpus";
import { chatFigures } from "./scale/figures/chat";
import { editorFigure } from "./scale/figures/editor";
import { memoryFigures } from "./scale/figures/memory";
import { naiveCatalog } from "./scale/figures/naive";
import { pageViewFigures } from "./scale/figures/page-views";
import { readFigures } from "./scale/figures/reads";
import { idleSweepRequests } from "./scale/figures/sweep";
import { acceptFigures, noopSaveCommits, pushFigures } from "./scale/figures/writes";
import { cutFixtureBranches, FIXTURES, writeFixtureEntries } from "./scale/fixtures";
import { ms } from "./scale/http";
import { loadAverage } from "./scale/proc";
import { seedRfcs, type SeededRfc } from "./scale/seed";
import { printTable, type ScaleResult } from "./scale/table";
import { startAndFill, startScaleWorld } from "./scale/world";

// `npm run bench -- targets`: every figure of issue 15's Targets table on a
// production build, at 1,000 and then 10,000 RFCs in the same world, with
// the naive baseline, printed as one table (bench/README.md). BENCH_SCALES
// (e.g. "300,1000"), BENCH_N (requests per read figure) and BENCH_MIXED
// (the mixed requests before the RSS figure) change the run.

const SCALES = (process.env.BENCH_SCALES ?? "1000,10000").split(",").map(Number);
const N = Number(process.env.BENCH_N ?? 200);
const MIXED = Number(process.env.BENCH_MIXED ?? 10_000);
/** Accepts per scale: the p95 of 20 was their second slowest, which one pause of the forge's git decided. */
const ACCEPTS = 60;
/** Editor loads per scale: with 8 the p95 was their slowest, which one stall of the shared machine decided. */
const EDITOR_LOADS = 20;
/** Page views in Chromium per page and scale: each is a second or so of the browser. */
const PAGE_VIEWS = 10;
/** The naive baseline stops here (a lower bound then): at 10,000 RFCs it would hold the shared machine for many minutes. */
const NAIVE_BUDGET_MS = Number(process.env.BENCH_NAIVE_BUDGET_S ?? 90) * 1000;



export default async function targetsBench(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadAverage();
  const w = await startScaleWorld();
  const results: ScaleResult[] = [];
  try {
    await w.adminPost("/webhooks/pause"); // seeding: the app is not running; its startup sweep reads everything
    const corpus = loadCorpus();
    await writeFixtureEntries(w);
    const seeded: SeededRfc[] = [];
    for (const [i, scale] of SCALES.entries()) {
      console.log(`\n— ${scale.toLocaleString("en")} RFCs`);
      const t0 = performance.now();
      seeded.push(...(await seedRfcs(w.bot, (p, body) => w.adminPost(p, body), corpus, seeded.length + 1, scale)));
      console.log(`  seeded ${seeded.length} RFCs (${seeded.filter((s) => s.repo).length} with their own repo) in ${ms(performance.now() - t0)}`);
      await startAndFill(w, seeded);
      const startRss = i === SCALES.length - 1;
      const memoryStart = startRss ? await import("./scale/proc").then((p) => p.rssBytes(w.appPid())) : 0;
      await w.adminPost("/webhooks/resume");
      const { editThreadId } = await cutFixtureBranches(w);
      const slugs = seeded.map((s) => s.slug);
      const took: string[] = [];
      const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
        const t = performance.now();
        const out = await run();
        took.push(`${label} ${ms(performance.now() - t)}`);
        console.log(`  ${label}: ${JSON.stringify(out)}`); // each figure as soon as it is measured
        return out;
      };
      const reads = await timed("reads", () => readFigures(w, { n: N, slugs, smallDocSlug: FIXTURES.small }));
      const pageViews = await timed("page views", () => pageViewFigures(w, { slug: FIXTURES.small, n: PAGE_VIEWS }));
      const idleSweep = await timed("idle sweep", () => idleSweepRequests(w));
      const push = await timed("push", async () => ({
        rfcRepo: await pushFigures(w, { targets: seeded.filter((s) => s.state === "active" && s.repo), n: 40 }),
        meta: await pushFigures(w, { targets: seeded.filter((s) => s.state === "super-draft"), n: 40 }),
      }));
      const chat = await timed("chat", () => chatFigures(w, { slug: FIXTURES.small, branch: "main", n: 30, chunks: 20_000 }));
      const accept = await timed("accept", () => acceptFigures(w, { slug: FIXTURES.accept, branch: FIXTURES.acceptBranch, n: ACCEPTS, from: i * ACCEPTS }));
      const noop = await noopSaveCommits(w, { slug: FIXTURES.large, branch: FIXTURES.editBranch });
      const editor = await timed("editor", () => editorFigure(w, { slug: FIXTURES.large, branch: FIXTURES.editBranch, n: EDITOR_LOADS }));
      // After the other figures of the app, so that a long run stopped here still printed them; its start RSS was taken right after start.
      const memory = startRss
        ? await timed("memory", () => memoryFigures(w, { slugs, branch: { slug: FIXTURES.large, name: FIXTURES.editBranch, threadId: editThreadId }, total: MIXED }).then((m) => ({ ...m, startBytes: memoryStart })))
        : undefined;
      // The naive baseline comes after every figure of the app: at 10,000 entries the forge goes on with its
      // abandoned listing for minutes, and what ran beside that measured the forge's leftover work, not the app.
      const naive = await timed("naive", () => naiveCatalog(w, { budgetMs: NAIVE_BUDGET_MS }));
      console.log(`  figures took: ${took.join(", ")}; load average now ${loadAverage()}`);
      results.push({ rfcs: seeded.length, reads, pageViews, naive, idleSweep, push, accept, noopSaveCommits: noop, chat, editor, memory });
      console.log(`  search medians by query: ${Object.entries(reads.search.perQuery).map(([q, t]) => `${q} ${ms(t)}`).join(", ")}`);
      console.log(`  accept's forge requests by route (last accept): ${JSON.stringify(accept.byRoute)}`);
      await w.adminPost("/webhooks/pause");
      // The table so far: a long run stopped at a larger scale still leaves the smaller one's figures.
      if (i < SCALES.length - 1) printTable(results);
    }
  } finally {
    await w.close();
  }
  printTable(results);
  // Latencies on a shared machine: the table means little without the load it was taken under.
  console.log(`\n${os.cpus().length} cores; load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadAverage()} at the end; the run took ${(performance.now() - started) / 60_000 | 0} min`);
}
