import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER, SESSION_COOKIES, SIGNED_IN_ONLY } from "@/lib/auth/request-gate";
import { type ErrorCode, statusOf } from "@/lib/http/errors";
import { allowedMethods } from "@/lib/http/middleware/allowed-methods";
import { contentSecurityPolicy, newNonce } from "@/lib/http/middleware/content-security-policy";
import { isCrossSiteAction } from "@/lib/http/middleware/cross-site-action";
import { undecodableSegment } from "@/lib/http/middleware/undecodable-path";

// Runs before every request but static files, in the server's own Node.js
// process: the Edge runtime's sandbox cost about a millisecond of CPU on every
// request, a page's or an API call's (issue 15; measured at 10,000 RFCs).
//  1. a path that does not decode → 400 JSON (Next would answer its HTML page);
//  2. API routes pass on: they answer 401/403/404 JSON themselves — but a
//     method the route does not export gets the JSON 405 with an Allow
//     header here (Next's own 405 is empty);
//  3. a cross-site POST to a page (a forged server action) → 403 JSON (Next: 500);
//  4. signed-out visitors of signed-in-only pages go to sign-in with a return
//     URL (the page checks the session for real with requirePageUser);
//  5. pages get a Content-Security-Policy with a fresh nonce.

const isSignedInOnly = (pathname: string) => SIGNED_IN_ONLY.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** The request's headers, with its path for the page (PATH_HEADER) in place of any the client sent. */
function withPath(req: NextRequest): Headers {
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return headers;
}

const jsonError = (code: ErrorCode, message: string, headers?: Record<string, string>) =>
  NextResponse.json({ error: { code, message } }, { status: statusOf[code], headers });

export function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const bad = undecodableSegment(pathname);
  if (bad !== null) return jsonError("bad_request", `The path segment "${bad.slice(0, 40)}" is not valid URL encoding`);
  if (pathname.startsWith("/api/")) {
    const allowed = allowedMethods(pathname);
    if (allowed && !allowed.includes(req.method)) {
      return jsonError("method_not_allowed", `${req.method} is not supported here; this endpoint answers ${allowed.join(", ")}`, { allow: allowed.join(", ") });
    }
    return NextResponse.next();
  }

  if (req.method === "POST" && isCrossSiteAction(req.headers))
    return jsonError("cross_site", "Cross-site requests may not change anything here");

  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  // Page loads only: a server action posted from such a page answers for itself (401).
  const isPageLoad = req.method === "GET" || req.method === "HEAD";
  if (isPageLoad && isSignedInOnly(pathname) && !hasSession) {
    // Rewritten to a route that redirects with a relative Location, so the
    // browser keeps its host (app/signin/required/route.ts says why).
    // `next dev` hands the route the original URL, not the rewrite's, so the path rides in a header too.
    const target = new URL("/signin/required", req.url);
    target.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.rewrite(target, { request: { headers: withPath(req) } });
  }
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = withPath(req);
  headers.set("content-security-policy", csp); // Next takes the nonce for its scripts from here
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
