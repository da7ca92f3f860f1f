// POST /api/rfcs/{slug}/decision — an arbiter (or the app owner) records accepted or rejected with a rationale (§3 state 4)
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { recordDecision } from "@/lib/bot/record-decision";
import { parseFields } from "@/lib/http/fields";
import { withMutation } from "@/lib/http/mutation";
import { decisionInput } from "@/lib/lifecycle/inputs";
import { notifyLifecycle } from "@/lib/notifications/decisions";
import { afterLifecycleWrite, bodyOf, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const raw = await bodyOf(req); // read at the edge: undecodable text is a 400 before anything else
  assertCan(user, "record_decision", { rfc: rfc.scope }); // 403, or 409 naming the state
  const { outcome, rationale } = parseFields(decisionInput, raw);
  const done = await recordDecision({ actor: actorFrom(user), slug: rfc.slug, outcome, rationale, allowed: (scope) => assertCan(user, "record_decision", { rfc: scope }) });
  await notifyLifecycle({ kind: `record_${outcome}`, rfc: { slug: rfc.slug, ...rfc.scope }, motion: null, actor: user, details: { rationale }, commitSha: done.commitSha });
  const lifecycle = await afterLifecycleWrite(rfc, user, { repo: true });
  return Response.json({ decision: { outcome, ...done }, lifecycle });
});
