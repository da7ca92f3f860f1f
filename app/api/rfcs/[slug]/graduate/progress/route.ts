// GET /api/rfcs/[slug]/graduate/progress — §13.3 SSE: a snapshot of all steps, then every transition
import { streamProgress } from "@/lib/graduation/progress-stream";
import { latestSettledGraduation } from "@/lib/graduation/validate";
import { notFound } from "@/lib/http/errors";
import { decodeParam, withRoute } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";

export const dynamic = "force-dynamic";

// Public like the RFC itself (§6 "read"): the steps say nothing a reader may not see.
export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const slug = decodeParam((await ctx.params).slug, "slug");
  const stored = await latestSettledGraduation(slug);
  if (!stored) throw notFound(`${slug} has never started a graduation`);
  return sseResponse((send, signal) => streamProgress({ stored, send, signal }), { signal: req.signal, where: `graduation progress ${slug}` });
});
