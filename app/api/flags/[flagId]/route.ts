// PATCH /api/flags/{flagId} — resolve a flag (owners, arbiters, admins; §8.13)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { db } from "@/lib/db/client";
import { resolveFlag } from "@/lib/flags/flags";
import { notFound } from "@/lib/http/errors";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";

const patchSchema = z.object({ status: z.literal("resolved"), resolution: z.string().max(2000).optional() });

export const PATCH = withMutation<{ flagId: string }>(async (req, ctx, user) => {
  const flagId = decodeParam((await ctx.params).flagId, "flagId");
  const input = patchSchema.parse(await readJson(req));
  const flag = await db().flag.findUnique({ where: { id: flagId }, select: { rfcSlug: true, branch: true } });
  if (!flag) throw notFound("Flag not found");
  const { rfc } = await loadRfcBranchOrThrow(flag.rfcSlug, flag.branch, user);
  assertCan(user, "resolve_flag", { rfc: rfc.scope });
  return Response.json({ flag: await resolveFlag(flagId, user.id, input.resolution) });
});
