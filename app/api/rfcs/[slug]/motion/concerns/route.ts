// POST /api/rfcs/{slug}/motion/concerns — an arbiter raises a concern; it pauses the final comment period until its author resolves it
import { assertCan } from "@/lib/auth/permissions";
import { parseFields } from "@/lib/http/fields";
import { withMutation } from "@/lib/http/mutation";
import { concernInput } from "@/lib/lifecycle/inputs";
import { raiseConcern } from "@/lib/lifecycle/motion-actions";
import { afterLifecycleWrite, bodyOf, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const raw = await bodyOf(req); // read at the edge: undecodable text is a 400 before anything else
  assertCan(user, "sign_off", { rfc: rfc.scope }); // arbiters raise concerns
  const input = parseFields(concernInput, raw);
  const { concernId } = await raiseConcern({ user, slug: rfc.slug, ...input });
  return Response.json({ concern: { id: concernId }, lifecycle: await afterLifecycleWrite(rfc, user) }, { status: 201 });
});
