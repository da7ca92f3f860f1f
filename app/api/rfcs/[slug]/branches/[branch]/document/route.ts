// GET /api/rfcs/{slug}/branches/{branch}/document — the branch's document and head SHA (§8, §17);
// with ?editor=1 also the editor's reading of it (blocks), so the browser need not parse it (issue 15)
import { z } from "zod";
import { getRequestUser } from "@/lib/auth/session";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import type { DocumentAtHead } from "@/lib/contracts";
import { AppError } from "@/lib/http/errors";
import { decodeParam, readQuery, withRoute } from "@/lib/http/route";
import { editorBlocksOfDocument, readDocumentAt } from "@/lib/rfc-docs/read-document";

export const dynamic = "force-dynamic";

const query = z.strictObject({ editor: z.enum(["0", "1"]).optional() });

export const GET = withRoute<{ slug: string; branch: string }>(async (req, ctx) => {
  const p = await ctx.params;
  const { editor } = query.parse(readQuery(req)); // an unknown or malformed parameter is a 422 naming it
  const { branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), await getRequestUser(req));
  if (branch.state === "deleted") throw new AppError("not_found", `${branch.name} was deleted; its conversation stays readable`);
  const doc = await readDocumentAt(branch.place);
  const body: DocumentAtHead = { text: doc.text, headSha: doc.headSha, path: doc.path, branch: branch.name };
  if (editor === "1") body.blocks = editorBlocksOfDocument(branch.place, doc);
  return Response.json(body);
});
