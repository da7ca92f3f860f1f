// POST /api/rfcs/{slug}/motion/cancel — the mover, an owner or an admin withdraws an open motion
import { parseFields } from "@/lib/http/fields";
import { withMutation } from "@/lib/http/mutation";
import { cancelInput } from "@/lib/lifecycle/inputs";
import { cancelMotion } from "@/lib/lifecycle/motion-actions";
import { afterLifecycleWrite, bodyOf, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const { reason } = parseFields(cancelInput, await bodyOf(req));
  // Who may cancel depends on who moved it, which Git holds: cancelMotion checks (403 / 409).
  await cancelMotion({ user, slug: rfc.slug, reason });
  return Response.json({ lifecycle: await afterLifecycleWrite(rfc, user) });
});
