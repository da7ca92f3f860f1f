// POST /api/rfcs/{slug}/motion/concerns/{concernId}/resolve — a concern's author resolves it (§3 state 4)
import { decodeParam } from "@/lib/http/route";
import { withMutation } from "@/lib/http/mutation";
import { resolveConcern } from "@/lib/lifecycle/motion-actions";
import { afterLifecycleWrite, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string; concernId: string }>(async (_req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const concernId = decodeParam((await ctx.params).concernId, "concernId");
  // Only the concern's author may: resolveConcern checks against Git (403 / 404 / 409).
  await resolveConcern({ user, slug: rfc.slug, concernId });
  return Response.json({ lifecycle: await afterLifecycleWrite(rfc, user) });
});
