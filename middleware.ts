import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER, SESSION_COOKIES, SIGNED_IN_ONLY } from "@/lib/auth/edge";

// Issue 4: signed-out visitors of signed-in-only pages go to sign-in with a
// return URL. This runs on the Edge runtime, so it only looks for the session
// cookie; the page itself checks the session for real (requirePageUser) and
// sends a stale or revoked session to sign-in as well. API routes are not
// matched: they answer 401/403 JSON from their handlers, never a redirect.

const isSignedInOnly = (pathname: string) => SIGNED_IN_ONLY.some((p) => pathname === p || pathname.startsWith(`${p}/`));

export function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  // Page loads only: a server action posted from such a page answers for itself (401).
  const isPageLoad = req.method === "GET" || req.method === "HEAD";
  if (isPageLoad && isSignedInOnly(pathname) && !hasSession) {
    // Rewritten to a route that redirects with a relative Location, so the
    // browser keeps its host (app/signin/required/route.ts says why).
    const target = new URL("/signin/required", req.url);
    target.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.rewrite(target);
  }
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
