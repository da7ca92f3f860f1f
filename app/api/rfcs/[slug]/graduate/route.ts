// POST /api/rfcs/[slug]/graduate — §13.3 re-validate, then run the five steps in the background (202)
import { graduateInput, startGraduation } from "@/lib/graduation/start-graduation";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const slug = decodeParam((await ctx.params).slug, "slug");
  const input = graduateInput.parse(await readJson(req));
  const snapshot = await startGraduation({ slug, input, user });
  const streamUrl = `/api/rfcs/${encodeURIComponent(slug)}/graduate/progress`;
  return Response.json({ graduation: snapshot, streamUrl }, { status: 202, headers: { Location: streamUrl } });
});
