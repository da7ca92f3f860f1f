import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { measure, stats, timedRequest, type Stats } from "../http";
import { cpuMs } from "../proc";
import type { ScaleWorld } from "../world";

// The read figures of issue 15's table: the catalog `/`, a catalog search,
// GET /api/rfcs, and the RFC view — each TTFB over sequential requests on a
// warm server, and the HTML each page weighs. Beside each, the app's CPU time
// per request (all its processes, from /proc): what the server itself spends,
// which the machine's other load does not inflate as it does the latency.

export type ReadFigures = {
  catalog: { ttfb: Stats; htmlBytes: number; cpuMs: number };
  search: { ttfb: Stats; perQuery: Record<string, number>; cpuMs: number };
  api: { ttfb: Stats; cpuMs: number };
  rfcView: { ttfb: Stats; htmlBytes: number; smallDocHtmlBytes: number; cpuMs: number };
};

const WARM = 5;

/** `measure` with the app's CPU time per request (warm-ups included in both counts). */
async function measureCpu<T>(pid: number, n: number, one: (i: number) => Promise<T>): Promise<{ runs: T[]; cpuMs: number }> {
  const cpu0 = cpuMs(pid);
  const runs = await measure(n, one, WARM);
  return { runs, cpuMs: (cpuMs(pid) - cpu0) / (n + WARM) };
}

/** Words people search an RFC catalog for, rare to common in the corpus (bench/scale/corpus.ts). */
export const SEARCHES = ["trait", "lifetime elision", '"type parameter"', "macro", "unsafe code", "governance", "async", "moderation team", "compiler", "error handling", "crate", "implementation"];

const ok = async (url: string) => {
  const r = await timedRequest(url);
  if (r.status !== 200) throw new Error(`GET ${url} → ${r.status}`);
  return r;
};

export async function readFigures(w: ScaleWorld, opts: { n: number; slugs: string[]; smallDocSlug: string }): Promise<ReadFigures> {
  const { n, slugs } = opts;
  const pid = w.appPid();
  const { runs: catalog, cpuMs: catalogCpu } = await measureCpu(pid, n, () => ok(`${w.appUrl}/`));

  const perQuery: Record<string, number[]> = {};
  const { runs: search, cpuMs: searchCpu } = await measureCpu(pid, n, async (i) => {
    const q = SEARCHES[i % SEARCHES.length];
    const r = await ok(`${w.appUrl}/?q=${encodeURIComponent(q)}`);
    (perQuery[q] ??= []).push(r.ttfbMs);
    return r;
  });

  // The first page, the pages after it (by cursor), and each filter.
  const apiUrls = [`/api/rfcs`, `/api/rfcs?state=active`, `/api/rfcs?tag=sync`, `/api/rfcs?owner=alice`, `/api/rfcs?q=trait`, `/api/rfcs?state=super-draft&tag=api`];
  let cursor: string | null = null;
  const { runs: api, cpuMs: apiCpu } = await measureCpu(pid, n, async (i) => {
    const path = i % 2 === 1 && cursor ? `/api/rfcs?cursor=${encodeURIComponent(cursor)}` : apiUrls[(i / 2) % apiUrls.length | 0];
    const r = await ok(`${w.appUrl}${path}`);
    cursor = (JSON.parse(r.body) as { nextCursor: string | null }).nextCursor;
    return r;
  });

  const { runs: views, cpuMs: viewCpu } = await measureCpu(pid, n, (i) => ok(`${w.appUrl}/rfcs/${slugs[(i * 7919) % slugs.length]}`));
  const small = await ok(`${w.appUrl}/rfcs/${opts.smallDocSlug}`);
  // BENCH_KEEP_HTML=<folder> keeps one page of each kind, to see what the bytes are.
  const keep = process.env.BENCH_KEEP_HTML;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    for (const [name, page] of Object.entries({ catalog: catalog[0], search: search[0], "rfc-view": views[0], "rfc-view-small": small }))
      writeFileSync(path.join(keep, `${name}-${slugs.length}.html`), page.body);
  }

  return {
    catalog: { ttfb: stats(catalog.map((r) => r.ttfbMs)), htmlBytes: catalog[catalog.length - 1].bytes, cpuMs: catalogCpu },
    search: { ttfb: stats(search.map((r) => r.ttfbMs)), perQuery: Object.fromEntries(Object.entries(perQuery).map(([q, t]) => [q, stats(t).median])), cpuMs: searchCpu },
    api: { ttfb: stats(api.map((r) => r.ttfbMs)), cpuMs: apiCpu },
    rfcView: { ttfb: stats(views.map((r) => r.ttfbMs)), htmlBytes: stats(views.map((r) => r.bytes)).median, smallDocHtmlBytes: small.bytes, cpuMs: viewCpu },
  };
}
