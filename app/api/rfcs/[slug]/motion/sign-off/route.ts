// POST /api/rfcs/{slug}/motion/sign-off — an arbiter signs off on the open motion (§3 state 4)
import { assertCan } from "@/lib/auth/permissions";
import { withMutation } from "@/lib/http/mutation";
import { signOff } from "@/lib/lifecycle/motion-actions";
import { afterLifecycleWrite, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (_req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  assertCan(user, "sign_off", { rfc: rfc.scope }); // 403 for anyone but the RFC's arbiters
  await signOff({ user, slug: rfc.slug });
  return Response.json({ lifecycle: await afterLifecycleWrite(rfc, user) });
});
