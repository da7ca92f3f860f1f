// POST /api/rfcs/{slug}/branches/{branch}/flush — commit the editor's text as one bot commit (§8.11)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { AppError } from "@/lib/http/errors";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";
import { flushManualEdit } from "@/lib/rfc-docs/flush";

const flushSchema = z.object({
  baseSha: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "must be a commit SHA"),
  text: z.string().max(2_000_000),
});

export const POST = withMutation<{ slug: string; branch: string }>(async (req, ctx, user) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), user);
  const input = flushSchema.parse(await readJson(req));
  assertCan(user, "edit_branch", { rfc: rfc.scope, branch: branch.scope }); // main: 403 for everyone (§6)
  if (branch.state === "deleted") throw new AppError("conflict", `${branch.name} was deleted; it is read-only now`);
  const result = await flushManualEdit({ rfc, place: branch.place, baseSha: input.baseSha, text: input.text, user });
  return Response.json(result);
});
