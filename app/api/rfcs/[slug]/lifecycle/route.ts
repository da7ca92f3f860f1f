// GET /api/rfcs/{slug}/lifecycle — state, motion and its final comment period, open claims and metadata changes, timeline (§3)
import { getRequestUser } from "@/lib/auth/session";
import { decodeParam, withRoute } from "@/lib/http/route";
import { getLifecycleView } from "@/lib/lifecycle/view";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const slug = decodeParam((await ctx.params).slug, "slug");
  return Response.json({ lifecycle: await getLifecycleView({ slug, user: await getRequestUser(req) }) });
});
