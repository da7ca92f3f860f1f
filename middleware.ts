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
  if (isSignedInOnly(pathname) && !hasSession) {
    // A relative Location: req.nextUrl says "localhost" where the browser
    // used 127.0.0.1 (or a proxy's name), and sign-in cookies are per host.
    const target = `/signin?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
    return new NextResponse(null, { status: 307, headers: { Location: target } });
  }
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
