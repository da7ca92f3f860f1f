// GET /signin/required — where middleware.ts sends a signed-out visitor of a
// signed-in-only page: a redirect to the sign-in page that comes back there.
// It answers with a relative Location so the browser stays on the host it
// used; a redirect made in middleware gets its loopback host rewritten to
// "localhost" by Next (NextURL), which would lose the sign-in cookies.
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { PATH_HEADER } from "@/lib/auth/request-gate";
import { getConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

export function GET(req: Request): Response {
  // The rewrite's query; under `next dev` the route sees the original URL instead, and the path in the header.
  const wanted = new URL(req.url).searchParams.get("callbackUrl") ?? req.headers.get(PATH_HEADER);
  const back = safeCallbackPath(wanted, getConfig().appUrl);
  return new Response(null, {
    status: 307,
    headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}`, "Cache-Control": "no-store" },
  });
}
