import { POST as claimPost } from "@/app/api/rfcs/[slug]/claim/route";
import { GET as blockingGet } from "@/app/api/rfcs/[slug]/blocking-prs/route";
import { GET as checkGet } from "@/app/api/rfcs/[slug]/graduate/check/route";
import { GET as progressGet } from "@/app/api/rfcs/[slug]/graduate/progress/route";
import { POST as graduatePost } from "@/app/api/rfcs/[slug]/graduate/route";
import { POST as mergePost } from "@/app/api/rfcs/[slug]/prs/[number]/merge/route";
import { getConfig } from "@/lib/config";
import type { GraduationCheck, GraduationSnapshot, Step } from "@/lib/graduation/types";

// The graduation routes called in-process, as Next would call them.

type Handler = (req: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;

function call(handler: Handler, method: string, slug: string, opts: { path: string; cookie?: string; body?: unknown; query?: string }) {
  const app = getConfig().appUrl;
  const headers = new Headers({ origin: new URL(app).origin, "content-type": "application/json" });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  const url = `${app}/api/rfcs/${slug}${opts.path}${opts.query ? `?${opts.query}` : ""}`;
  const req = new Request(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return handler(req, { params: Promise.resolve({ slug }) });
}

export const graduate = (slug: string, body: unknown, cookie?: string) => call(graduatePost as Handler, "POST", slug, { path: "/graduate", body, cookie });
export const claim = (slug: string, cookie?: string) => call(claimPost as Handler, "POST", slug, { path: "/claim", body: {}, cookie });
export const blockingPrs = (slug: string, cookie?: string) => call(blockingGet as Handler, "GET", slug, { path: "/blocking-prs", cookie });
export const mergePr = (slug: string, n: number, cookie: string) =>
  (mergePost as unknown as (req: Request, ctx: { params: Promise<{ slug: string; number: string }> }) => Promise<Response>)(
    new Request(`${getConfig().appUrl}/api/rfcs/${slug}/prs/${n}/merge`, { method: "POST", headers: { origin: new URL(getConfig().appUrl).origin, cookie } }),
    { params: Promise.resolve({ slug, number: String(n) }) },
  );
export const progress = (slug: string) => call(progressGet as Handler, "GET", slug, { path: "/graduate/progress" });

export async function check(slug: string, cookie: string, fields: { id?: string; repo?: string } = {}): Promise<GraduationCheck> {
  const query = new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const res = await call(checkGet as Handler, "GET", slug, { path: "/graduate/check", cookie, query });
  if (res.status !== 200) throw new Error(`check → ${res.status} ${await res.text()}`);
  return (await res.json()) as GraduationCheck;
}

export type SseEvent = { event: string; data: { snapshot: GraduationSnapshot; step?: Step } };

/** Reads an SSE Response to its end (the route closes it once the graduation finished). */
export async function readSse(res: Response): Promise<SseEvent[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .map((block) => block.split("\n").filter((l) => !l.startsWith(":")))
    .filter((lines) => lines.some((l) => l.startsWith("event:")))
    .map((lines) => ({
      event: lines.find((l) => l.startsWith("event:"))!.slice(6).trim(),
      data: JSON.parse(lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n")),
    }));
}

/** POSTs a graduation, expects 202, and follows its progress stream to the end. */
export async function graduateAndFollow(slug: string, body: { id: string; repo: string }, cookie: string) {
  const started = performance.now();
  const res = await graduate(slug, body, cookie);
  if (res.status !== 202) throw new Error(`graduate → ${res.status} ${await res.text()}`);
  const events = await readSse(await progress(slug));
  const final = events[events.length - 1];
  return { events, final: final.data.snapshot, ms: performance.now() - started };
}
