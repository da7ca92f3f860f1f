// GET /api/rfcs/{slug}/flags — the RFC's flags, for its owners, arbiters and admins (§8.13)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { getRequestUser } from "@/lib/auth/session";
import { listFlags } from "@/lib/flags/flags";
import { decodeParam, readQuery, withRoute } from "@/lib/http/route";
import { topicSeq } from "@/lib/realtime/log";
import { flagsTopic } from "@/lib/realtime/topics";
import { loadRfcOrThrow } from "@/lib/rfcs/context";

export const dynamic = "force-dynamic";

const querySchema = z.object({ status: z.enum(["open", "resolved"]).optional() });

export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const rfc = await loadRfcOrThrow(decodeParam((await ctx.params).slug, "slug"));
  const { status } = querySchema.parse(readQuery(req));
  assertCan(await getRequestUser(req), "resolve_flag", { rfc: rfc.scope });
  const liveSeq = await topicSeq(flagsTopic(rfc.slug)); // before the read (issue 14)
  return Response.json({ flags: await listFlags(rfc.slug, status), liveSeq });
});
