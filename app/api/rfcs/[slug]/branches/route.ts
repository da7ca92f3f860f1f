// GET /api/rfcs/{slug}/branches — branches with status (§9); POST — cut a branch from main (§8.3, §11)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { getRequestUser } from "@/lib/auth/session";
import { actorFrom } from "@/lib/bot/actor";
import { cutBranch } from "@/lib/branches/cut";
import { refreshBranchStatuses } from "@/lib/branches/status";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson, withRoute } from "@/lib/http/route";
import { loadRfcOrThrow } from "@/lib/rfcs/context";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const rfc = await loadRfcOrThrow(decodeParam((await ctx.params).slug, "slug"));
  const user = await getRequestUser(req);
  // Statuses older than 120 s or marked stale are recomputed first (§9); failures back off.
  await refreshBranchStatuses(rfc);
  return Response.json({ branches: await listBranchSummaries(rfc, user) });
});

const cutSchema = z.object({
  name: z.string().trim(),
  visibility: z.enum(["public", "private"]).default("public"),
});

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const rfc = await loadRfcOrThrow(decodeParam((await ctx.params).slug, "slug"));
  const input = cutSchema.parse(await readJson(req));
  assertCan(user, "cut_branch", { rfc: rfc.scope });
  const cut = await cutBranch({ rfc, name: input.name, visibility: input.visibility, actor: actorFrom(user) });
  const branch = (await listBranchSummaries(rfc, user)).find((b) => b.name === cut.name);
  return Response.json({ branch }, { status: 201 });
});
