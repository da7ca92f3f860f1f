// GET /api/rfcs/{slug}/branches/{branch}/changes — the branch's change cards (§8.8; main: the buffer, §8.14)
import { getRequestUser } from "@/lib/auth/session";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { db } from "@/lib/db/client";
import { decodeParam, withRoute } from "@/lib/http/route";
import { topicSeq } from "@/lib/realtime/log";
import { branchTopic } from "@/lib/realtime/topics";
import { changeViews } from "@/lib/threads/views";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string; branch: string }>(async (req, ctx) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), await getRequestUser(req));
  const liveSeq = await topicSeq(branchTopic(rfc.slug, branch.name)); // before the read (issue 14)
  const rows = await db().change.findMany({
    where: { rfcSlug: rfc.slug, branch: branch.name },
    orderBy: [{ createdAt: "asc" }, { blockIndex: "asc" }],
  });
  return Response.json({ changes: await changeViews(rows), liveSeq });
});
