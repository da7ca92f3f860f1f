// POST /api/rfcs/{slug}/branches/{branch}/pr — open a PR from the branch to main (§9)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";
import { notifyPr } from "@/lib/notifications/events";
import { openBranchPr } from "@/lib/prs/branch-prs";

const prSchema = z.object({
  title: z.string().trim().min(1, "Give the PR a title").max(200),
  description: z.string().max(20_000).default(""),
});

export const POST = withMutation<{ slug: string; branch: string }>(async (req, ctx, user) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), user);
  const input = prSchema.parse(await readJson(req));
  assertCan(user, "open_pr", { rfc: rfc.scope, branch: branch.scope });
  const pr = await openBranchPr({ rfc, branch, title: input.title, description: input.description, actor: actorFrom(user) });
  await notifyPr(rfc, pr, "opened", user);
  return Response.json({ pr }, { status: 201 });
});
