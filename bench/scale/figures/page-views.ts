import { launchChromium } from "@/tests/e2e/helpers/browser";
import { cpuMs } from "../proc";
import type { ScaleWorld } from "../world";

// What one page view costs the server when a browser loads it, not only the
// page's own request: the API reads its client makes and the prefetches its
// links start, until the network is idle. A link prefetched as it scrolled
// into view cost a render of its target's layout and loading state each: 9
// of them per catalog page (issue 15, components/ui/link.tsx).

export type PageViewFigure = { requests: number; prefetches: number; cpuMs: number };
export type PageViewFigures = Record<"catalog" | "search" | "rfcView", PageViewFigure>;

/** Same-origin requests of the page's own (static files and the live stream aside), counted per view. */
const counted = (url: string, origin: string) => url.startsWith(origin) && !/\/_next\/static\/|\/api\/live\b/.test(url);

export async function pageViewFigures(w: ScaleWorld, opts: { slug: string; n: number }): Promise<PageViewFigures> {
  const urls = { catalog: "/", search: "/?q=trait", rfcView: `/rfcs/${opts.slug}` } as const;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    let requests = 0;
    let prefetches = 0;
    page.on("request", (r) => {
      if (!counted(r.url(), w.appUrl)) return;
      requests++;
      if (r.headers()["next-router-prefetch"]) prefetches++;
    });
    const view = (path: string) => page.goto(`${w.appUrl}${path}`, { waitUntil: "networkidle" });
    for (const path of Object.values(urls)) await view(path); // the browser's cache holds the scripts after one load
    const out = {} as PageViewFigures;
    for (const [name, path] of Object.entries(urls) as [keyof PageViewFigures, string][]) {
      [requests, prefetches] = [0, 0];
      const cpu0 = cpuMs(w.appPid());
      for (let i = 0; i < opts.n; i++) await view(path);
      out[name] = { requests: requests / opts.n, prefetches: prefetches / opts.n, cpuMs: (cpuMs(w.appPid()) - cpu0) / opts.n };
    }
    return out;
  } finally {
    await browser.close();
  }
}

export const describePageViews = (f: PageViewFigures) =>
  Object.entries(f)
    .map(([name, v]) => `${name} ${v.cpuMs.toFixed(0)} ms app CPU (${v.requests} requests, ${v.prefetches} prefetches)`)
    .join("; ");
