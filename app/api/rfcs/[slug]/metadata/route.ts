// POST /api/rfcs/{slug}/metadata — open a metadata/<slug> PR changing title, tags, owners, arbiters or the sign-off rule (§3, §9)
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { editMetadata } from "@/lib/bot/edit-metadata";
import { parseFields } from "@/lib/http/fields";
import { withMutation } from "@/lib/http/mutation";
import { metadataInput } from "@/lib/lifecycle/inputs";
import { afterLifecycleWrite, bodyOf, rfcOfRoute } from "@/lib/lifecycle/route-kit";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await rfcOfRoute(ctx);
  const raw = await bodyOf(req); // read at the edge: undecodable text is a 400 before anything else
  assertCan(user, "edit_metadata", { rfc: rfc.scope });
  const input = parseFields(metadataInput, raw);
  const { description, ...patch } = input;
  const pr = await editMetadata({ actor: actorFrom(user), slug: rfc.slug, patch, description, allowed: (scope) => assertCan(user, "edit_metadata", { rfc: scope }) });
  const lifecycle = await afterLifecycleWrite(rfc, user);
  return Response.json({ pr: { number: pr.prNumber, branch: pr.branch, changes: pr.changes }, lifecycle }, { status: 201 });
});
