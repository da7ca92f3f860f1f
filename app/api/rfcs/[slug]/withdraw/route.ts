// POST /api/rfcs/{slug}/withdraw — owners or admins withdraw a super-draft or an active RFC with a reason (§3 state 5)
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { withdrawRfc } from "@/lib/bot/withdraw-rfc";
import { parseFields } from "@/lib/http/fields";
import { withMutation } from "@/lib/http/mutation";
import { withdrawInput } from "@/lib/lifecycle/inputs";
import { notifyLifecycle } from "@/lib/notifications/decisions";
import { afterLifecycleWrite, bodyOf, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const raw = await bodyOf(req); // read at the edge: undecodable text is a 400 before anything else
  assertCan(user, "withdraw", { rfc: rfc.scope }); // 403, or 409 naming the state
  const { reason } = parseFields(withdrawInput, raw);
  const done = await withdrawRfc({ actor: actorFrom(user), slug: rfc.slug, reason, allowed: (scope) => assertCan(user, "withdraw", { rfc: scope }) });
  await notifyLifecycle({ kind: "withdraw", rfc: { slug: rfc.slug, ...rfc.scope }, motion: null, actor: user, details: { reason }, commitSha: done.commitSha });
  const lifecycle = await afterLifecycleWrite(rfc, user, { repo: true });
  return Response.json({ withdrawal: done, lifecycle });
});
