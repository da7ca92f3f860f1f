// GET /api/rfcs/{slug}/branches/{branch}/document — the branch's document and head SHA (§8, §17)
import { getRequestUser } from "@/lib/auth/session";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { AppError } from "@/lib/http/errors";
import { decodeParam, withRoute } from "@/lib/http/route";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string; branch: string }>(async (req, ctx) => {
  const p = await ctx.params;
  const { branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), await getRequestUser(req));
  if (branch.state === "deleted") throw new AppError("not_found", `${branch.name} was deleted; its conversation stays readable`);
  const doc = await readDocumentAt(branch.place);
  return Response.json({ text: doc.text, headSha: doc.headSha, path: doc.path, branch: branch.name });
});
