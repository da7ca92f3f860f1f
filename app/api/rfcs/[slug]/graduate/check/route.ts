// GET /api/rfcs/[slug]/graduate/check?id=&repo= — §13.2 the dialog's debounced, advisory validation
import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/session";
import { checkGraduation } from "@/lib/graduation/check";
import { decodeParam, readQuery, withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const query = z.object({
  id: z.string().trim().max(40).optional(),
  repo: z.string().trim().max(120).optional(),
});

// Signed-in only: each call may ask Gitea whether a repo exists.
export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const viewer = await requireRequestUser(req);
  const slug = decodeParam((await ctx.params).slug, "slug");
  const { id, repo } = query.parse(readQuery(req));
  return Response.json(await checkGraduation({ slug, id, repo, viewer }));
});
