// GET /api/rfcs/[slug]/blocking-prs — §13.2 open body-edit PRs and what the viewer may do with each
import { getRequestUser } from "@/lib/auth/session";
import { listBlockingPrs } from "@/lib/graduation/blocking-prs";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { decodeParam, withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const slug = decodeParam((await ctx.params).slug, "slug");
  const [rfc, viewer] = await Promise.all([loadRfcOrThrow(slug), getRequestUser(req)]);
  const items = await listBlockingPrs({ slug, scope: rfc.scope, viewer });
  return Response.json({ items });
});
