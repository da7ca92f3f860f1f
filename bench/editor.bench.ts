import "./server-only-shim"; // lib/ the bench calls (seeding, the DB) may import server-only: resolve it as a server bundle would
import os from "node:os";
import { db } from "@/lib/db/client";
import { waitUntil } from "@/tests/helpers/wait";
import { editorFigure } from "./scale/figures/editor";
import { cutFixtureBranches, FIXTURES, writeFixtureEntries } from "./scale/fixtures";
import { ms } from "./scale/http";
import { loadAverage } from "./scale/proc";
import { startScaleWorld } from "./scale/world";

// `npm run bench -- editor`: the targets table's "86 KB document editable"
// figure alone, in a minute or two instead of the whole targets run: the
// same production build, world and measurement (scale/figures/editor.ts),
// with only the benchmark's own RFCs seeded. BENCH_N loads are measured
// (default 30); BENCH_EDITOR_PROFILE=<dir> also writes the page's CPU
// profile of one more load there (open it in Chrome's DevTools).

const N = Number(process.env.BENCH_N ?? 30);

export default async function editorBench(): Promise<void> {
  const loadAtStart = loadAverage();
  const w = await startScaleWorld();
  try {
    await w.adminPost("/webhooks/pause"); // as in the targets run: the app's startup sweep reads the entries
    await writeFixtureEntries(w);
    await w.restartApp();
    await waitUntil(async () => !!(await db().cachedRfc.findUnique({ where: { slug: FIXTURES.large }, select: { slug: true } })), {
      timeoutMs: 10 * 60_000,
      intervalMs: 500,
      what: "the 86 KB RFC in the cache",
    });
    await w.adminPost("/webhooks/resume");
    await cutFixtureBranches(w);
    const { editable } = await editorFigure(w, { slug: FIXTURES.large, branch: FIXTURES.editBranch, n: N, profileDir: process.env.BENCH_EDITOR_PROFILE });
    console.log(`86 KB document editable (n ${editable.n}): median ${ms(editable.median)}, p95 ${ms(editable.p95)}, max ${ms(editable.max)}`);
  } finally {
    await w.close();
  }
  console.log(`${os.cpus().length} cores; load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadAverage()} at the end`);
}
