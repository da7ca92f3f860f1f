// Middleware helper (middleware.ts runs it before every request): keep this file import-free.

/**
 * Whether a POST to a page (a server action, by fetch or by a no-JS form)
 * comes from another site. Same rule as Next's own check in its action
 * handler — the Origin's host must equal `x-forwarded-host` (first value) or
 * `host` — so middleware refuses exactly what Next would refuse, but with a
 * 403 instead of Next's 500. A request without Origin is left to Next (it
 * lets old browsers through); one with Sec-Fetch-Site cross-site is refused.
 */
export function isCrossSiteAction(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "cross-site";
  let originHost: string;
  try {
    originHost = new URL(origin).host; // "null" (sandboxed frames, file:) does not parse
  } catch {
    return true;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost !== forwarded && originHost !== headers.get("host");
}
