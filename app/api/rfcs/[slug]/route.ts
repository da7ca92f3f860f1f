// GET /api/rfcs/{slug} — the RFC's header and the branches this reader may see (§8.1)
import { getRequestUser } from "@/lib/auth/session";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { decodeParam, withRoute } from "@/lib/http/route";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { getRfcViewOrThrow } from "@/lib/rfcs/view";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const slug = decodeParam((await ctx.params).slug, "slug");
  const [user, rfc] = await Promise.all([getRequestUser(req), getRfcViewOrThrow(slug)]);
  const branches = await listBranchSummaries(await loadRfcOrThrow(slug), user);
  return Response.json({ rfc, branches });
});
