import { getConfig } from "@/lib/config";
import { AppError } from "./errors";

// Issue 4 "cross-site requests": a mutating route handler acts only for a
// request that comes from the app's own pages. Browsers send `Origin` on
// every POST/PUT/PATCH/DELETE (same-origin included) and `Sec-Fetch-Site`
// on every request; a cookie-carrying request from another site shows a
// foreign value in one of them. A request with neither is not from a
// browser page of ours, so it is refused too. The origin to match is
// NEXTAUTH_URL's: the app's public address, also behind a proxy.
// Server actions have Next's own origin check and do not use this.

export function appOrigin(): string {
  return new URL(getConfig().appUrl).origin;
}

/** Whether the request comes from the app's own origin (§17 mutating routes). */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin !== null) return origin === appOrigin();
  return req.headers.get("sec-fetch-site") === "same-origin";
}

/** Throws 403 `cross_site` unless the request is same-origin. */
export function assertSameOrigin(req: Request): void {
  if (!isSameOrigin(req)) throw new AppError("cross_site", "Cross-site requests may not change anything here");
}
