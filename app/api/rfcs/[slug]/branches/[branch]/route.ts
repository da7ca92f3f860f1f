// PATCH /api/rfcs/{slug}/branches/{branch} — flip visibility or update from main (§8.3, §12); DELETE — delete it (§11.5)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { deleteRfcBranch } from "@/lib/branches/lifecycle";
import { refreshBranchStatuses } from "@/lib/branches/status";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { updateFromMain } from "@/lib/branches/update-from-main";
import { withMutation } from "@/lib/http/mutation";
import { setBranchVisibility } from "@/lib/private/move-branch";
import { decodeParam, readJson } from "@/lib/http/route";

type Params = { slug: string; branch: string };

const SHA = /^[0-9a-f]{40}$/;

const patchSchema = z.union([
  z.object({ visibility: z.enum(["public", "private"]) }).strict(),
  z
    .object({
      action: z.literal("update_from_main"),
      // The resolution view's text for the document, made against these two heads (§12).
      resolution: z.object({ mainSha: z.string().regex(SHA), headSha: z.string().regex(SHA), text: z.string().max(5_000_000) }).strict().optional(),
    })
    .strict(),
]);

export const PATCH = withMutation<Params>(async (req, ctx, user) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), user);
  const input = patchSchema.parse(await readJson(req));
  const actor = actorFrom(user);
  let update: Awaited<ReturnType<typeof updateFromMain>> | undefined;
  if ("visibility" in input) {
    assertCan(user, "flip_visibility", { rfc: rfc.scope, branch: branch.scope });
    await setBranchVisibility({ rfc, branch, visibility: input.visibility, actor });
  } else {
    assertCan(user, "update_branch", { rfc: rfc.scope, branch: branch.scope });
    update = await updateFromMain({ rfc, branch, actor, resolution: input.resolution });
    await refreshBranchStatuses(rfc, { force: true, names: [branch.name] });
  }
  const summary = (await listBranchSummaries(rfc, user)).find((b) => b.name === branch.name) ?? null;
  return Response.json({ branch: summary, ...(update ? { update } : {}) });
});

export const DELETE = withMutation<Params>(async (req, ctx, user) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), user);
  assertCan(user, "delete_branch", { rfc: rfc.scope, branch: branch.scope });
  await deleteRfcBranch({ rfc, branch, actor: actorFrom(user) });
  return new Response(null, { status: 204 });
});
