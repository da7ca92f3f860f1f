import { kb, ms, type Stats } from "./http";
import type { ChatFigures } from "./figures/chat";
import type { MemoryFigures } from "./figures/memory";
import type { NaiveFigure } from "./figures/naive";
import { describePageViews, type PageViewFigures } from "./figures/page-views";
import type { ReadFigures } from "./figures/reads";
import type { WriteFigures } from "./figures/writes";

// The one table of issue 15's Targets, a column per number of RFCs, the
// naive baseline beside it, and whether the largest scale meets the target
// (✗ marks a figure other work has yet to bring down).

export type ScaleResult = {
  rfcs: number;
  reads: ReadFigures;
  naive: NaiveFigure;
  idleSweep: { requests: number; ms: number };
  push: WriteFigures["push"];
  accept: WriteFigures["accept"];
  noopSaveCommits: number;
  chat: ChatFigures;
  editor: { editable: Stats };
  pageViews: PageViewFigures;
  memory?: MemoryFigures;
};

type Row = { figure: string; target: string; limit: number; value: (r: ScaleResult) => number | undefined; show: (r: ScaleResult) => string; naive?: (r: ScaleResult) => string };

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
/** The naive list's time; a lower bound when it was stopped at its budget. */
const naiveMs = (r: ScaleResult) =>
  r.naive.failed
    ? `> ${ms(r.naive.ms)} (the listing of rfcs/ failed: ${r.naive.failed})`
    : r.naive.complete
      ? ms(r.naive.ms)
      : `> ${ms(r.naive.ms)} (stopped: ${r.naive.rfcs.toLocaleString("en")} of ${r.naive.of.toLocaleString("en")} entries read)`;
const p95 = (s: Stats) => ms(s.p95);
const cpu = (v: number) => `${v.toFixed(1)} ms/request`;

const ROWS: Row[] = [
  { figure: "catalog `/` TTFB p95", target: "≤ 50 ms", limit: 50, value: (r) => r.reads.catalog.ttfb.p95, show: (r) => `${p95(r.reads.catalog.ttfb)} (median ${ms(r.reads.catalog.ttfb.median)}; app CPU ${cpu(r.reads.catalog.cpuMs)})`, naive: (r) => `${naiveMs(r)} (${r.naive.requests} forge requests)` },
  { figure: "catalog `/` HTML", target: "≤ 150 KB", limit: 150 * 1024, value: (r) => r.reads.catalog.htmlBytes, show: (r) => kb(r.reads.catalog.htmlBytes) },
  { figure: "catalog search (FTS) TTFB p95", target: "≤ 30 ms", limit: 30, value: (r) => r.reads.search.ttfb.p95, show: (r) => `${p95(r.reads.search.ttfb)} (median ${ms(r.reads.search.ttfb.median)}; app CPU ${cpu(r.reads.search.cpuMs)})`, naive: (r) => `${naiveMs(r)} + filtering` },
  { figure: "`GET /api/rfcs` TTFB p95", target: "≤ 30 ms", limit: 30, value: (r) => r.reads.api.ttfb.p95, show: (r) => `${p95(r.reads.api.ttfb)} (median ${ms(r.reads.api.ttfb.median)}; app CPU ${cpu(r.reads.api.cpuMs)})`, naive: (r) => naiveMs(r) },
  { figure: "RFC view TTFB p95", target: "≤ 80 ms", limit: 80, value: (r) => r.reads.rfcView.ttfb.p95, show: (r) => `${p95(r.reads.rfcView.ttfb)} (median ${ms(r.reads.rfcView.ttfb.median)}; app CPU ${cpu(r.reads.rfcView.cpuMs)})` },
  { figure: "RFC view HTML without the document", target: "≤ 100 KB", limit: 100 * 1024, value: (r) => r.reads.rfcView.smallDocHtmlBytes, show: (r) => `${kb(r.reads.rfcView.smallDocHtmlBytes)} (${kb(r.reads.rfcView.htmlBytes)} with a 1–3 KB one)` },
  { figure: "accept: forge requests (median)", target: "≤ 3", limit: 3, value: (r) => r.accept.requests.median, show: (r) => `${r.accept.requests.median} (max ${r.accept.requests.max})` },
  { figure: "accept: time p95", target: "≤ 150 ms", limit: 150, value: (r) => r.accept.ms.p95, show: (r) => `${p95(r.accept.ms)} (median ${ms(r.accept.ms.median)}; app CPU median ${ms(r.accept.cpuMs.median)})` },
  { figure: "push → cache row p95, active RFC's repo (after the forge answers)", target: "≤ 100 ms", limit: 100, value: (r) => r.push.rfcRepo.fromAnswer.p95, show: (r) => `${p95(r.push.rfcRepo.fromAnswer)} (${p95(r.push.rfcRepo.fromRequest)} from the push request)` },
  { figure: "push → cache row p95, super-draft in the meta repo", target: "≤ 100 ms", limit: 100, value: (r) => r.push.meta.fromAnswer.p95, show: (r) => `${p95(r.push.meta.fromAnswer)} (${p95(r.push.meta.fromRequest)} from the push request)` },
  { figure: "first SSE byte of an AI reply p95", target: "≤ 30 ms", limit: 30, value: (r) => r.chat.firstByte.p95, show: (r) => p95(r.chat.firstByte) },
  { figure: "app CPU time per streamed chunk", target: "≤ 0.5 ms", limit: 0.5, value: (r) => r.chat.perChunk.cpuMs, show: (r) => `${r.chat.perChunk.cpuMs.toFixed(2)} ms CPU, ${r.chat.perChunk.wallMs.toFixed(2)} ms wall (${r.chat.perChunk.chunks.toLocaleString("en")} 1-byte chunks${r.chat.perChunk.ok ? "" : ", reply NOT complete"})` },
  { figure: "86 KB document editable (p95)", target: "≤ 150 ms", limit: 150, value: (r) => r.editor.editable.p95, show: (r) => `${p95(r.editor.editable)} (median ${ms(r.editor.editable.median)})` },
  {
    figure: "server RSS after 10,000 mixed requests ÷ after start",
    target: "≤ 1.5 ×",
    limit: 1.5,
    value: (r) => (r.memory ? r.memory.afterBytes / r.memory.startBytes : undefined),
    show: (r) => (r.memory ? `${(r.memory.afterBytes / r.memory.startBytes).toFixed(2)} × (${mb(r.memory.startBytes)} → ${mb(r.memory.warmBytes)} warm → ${mb(r.memory.afterBytes)})` : "–"),
  },
  { figure: "idle sweep: forge requests", target: "≤ 15", limit: 15, value: (r) => r.idleSweep.requests, show: (r) => `${r.idleSweep.requests} (${ms(r.idleSweep.ms)})` },
  { figure: "no-op save: commits", target: "0", limit: 0, value: (r) => r.noopSaveCommits, show: (r) => String(r.noopSaveCommits) },
];

export function printTable(results: ScaleResult[]): void {
  const scales = results.map((r) => `${r.rfcs.toLocaleString("en")} RFCs`);
  const last = results[results.length - 1];
  console.log(`\n| figure | target | ${scales.join(" | ")} | naive (forge API) at ${last.rfcs.toLocaleString("en")} | meets the target at ${last.rfcs.toLocaleString("en")} |`);
  console.log(`|---|---|${scales.map(() => "---:").join("|")}|---:|:---:|`);
  for (const row of ROWS) {
    const v = row.value(last);
    const verdict = v === undefined ? "–" : v <= row.limit ? "✓" : "✗ not yet";
    console.log(`| ${row.figure} | ${row.target} | ${results.map((r) => row.show(r)).join(" | ")} | ${row.naive ? row.naive(last) : ""} | ${verdict} |`);
  }
  // Not a row of the issue's table: what a browser's view of a page costs the server, links' prefetches included.
  console.log(`\nOne page view in Chromium until the network is idle, per view: ${results.map((r) => `at ${r.rfcs.toLocaleString("en")}: ${describePageViews(r.pageViews)}`).join("; ")}`);
}
