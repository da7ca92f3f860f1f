// GET /api/rfcs/{slug}/branches/{branch}/diff — main's text and the branch's text, for DiffView (§8.10)
import { getRequestUser } from "@/lib/auth/session";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { AppError } from "@/lib/http/errors";
import { decodeParam, withRoute } from "@/lib/http/route";
import { mainPlace } from "@/lib/branches/place";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string; branch: string }>(async (req, ctx) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), await getRequestUser(req));
  if (branch.state === "deleted") throw new AppError("not_found", `${branch.name} was deleted`);
  const [base, head] = await Promise.all([readDocumentAt(mainPlace(rfc.home)), readDocumentAt(branch.place)]);
  return Response.json({ base: base.text, head: head.text, baseSha: base.headSha, headSha: head.headSha });
});
