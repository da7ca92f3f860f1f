// POST /api/rfcs/{slug}/branches/main/promote — cut a branch and move main's buffered changes there (§8.14)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { promoteBuffered } from "@/lib/branches/promote";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { AppError } from "@/lib/http/errors";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";

const promoteSchema = z.object({
  name: z.string().trim(),
  visibility: z.enum(["public", "private"]).default("public"),
});

export const POST = withMutation<{ slug: string; branch: string }>(async (req, ctx, user) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), user);
  if (!branch.isMain) throw new AppError("unprocessable", "Only main's discuss-mode buffer can be promoted (§8.14)");
  const input = promoteSchema.parse(await readJson(req));
  assertCan(user, "cut_branch", { rfc: rfc.scope });
  const result = await promoteBuffered({ rfc, name: input.name, visibility: input.visibility, actor: actorFrom(user) });
  const summary = (await listBranchSummaries(rfc, user)).find((b) => b.name === result.branch.name);
  return Response.json({ branch: summary, changeIds: result.changeIds, staleChangeIds: result.staleChangeIds }, { status: 201 });
});
