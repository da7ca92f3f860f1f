import { runWithCookieHeader } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { statusOf, type ErrorCode } from "@/lib/http/errors";

// Calls a route handler or a server action in-process, the way Next would,
// and reduces the outcome to one HTTP status so both fit one table.

export type Outcome = { status: number; body: unknown };

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function callRoute(
  handler: RouteHandler,
  opts: { method: string; path: string; params: Record<string, string>; body?: unknown; cookie: string; origin?: string; headers?: Record<string, string> },
): Promise<Outcome> {
  const headers: Record<string, string> = { origin: opts.origin ?? new URL(getConfig().appUrl).origin, ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${getConfig().appUrl}${opts.path}`, {
    method: opts.method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* SSE or empty */
  }
  return { status: res.status, body };
}

/**
 * A server action's status: `{ ok: true }` → 200, `{ ok: false, code }` →
 * that code's status, Next's redirect() → 303 (what Next answers a form
 * post with), forbidden()/notFound() → 403/404, anything else thrown → 500.
 */
export async function callAction(action: (...args: unknown[]) => Promise<unknown>, args: unknown[], cookie: string): Promise<Outcome> {
  try {
    const result = await runWithCookieHeader(cookie, () => action(...args));
    if (result && typeof result === "object" && "ok" in result) {
      const r = result as { ok: boolean; code?: ErrorCode };
      return { status: r.ok ? 200 : statusOf[r.code ?? "internal"] ?? 500, body: result };
    }
    return { status: 200, body: result ?? null };
  } catch (err) {
    const digest = (err as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { status: 303, body: digest };
    const fallback = typeof digest === "string" && /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
    if (fallback) return { status: Number(fallback[1]), body: digest };
    return { status: 500, body: err instanceof Error ? err.message : String(err) };
  }
}
