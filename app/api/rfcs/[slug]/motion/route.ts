// POST /api/rfcs/{slug}/motion — an owner or arbiter moves to accept, reject or postpone an active RFC (§3 state 4)
import { assertCan } from "@/lib/auth/permissions";
import { parseFields } from "@/lib/http/fields";
import { withMutation } from "@/lib/http/mutation";
import { motionInput } from "@/lib/lifecycle/inputs";
import { openMotion } from "@/lib/lifecycle/motion-actions";
import { afterLifecycleWrite, bodyOf, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const raw = await bodyOf(req); // read at the edge: undecodable text is a 400 before anything else
  assertCan(user, "open_motion", { rfc: rfc.scope }); // 403, or 409 naming the state
  const input = parseFields(motionInput, raw);
  const { motion } = await openMotion({ user, slug: rfc.slug, ...input }); // 409 while another is open
  return Response.json({ motion: { id: motion.id }, lifecycle: await afterLifecycleWrite(rfc, user) }, { status: 201 });
});
