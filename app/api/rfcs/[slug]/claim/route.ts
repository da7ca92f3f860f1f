// POST /api/rfcs/[slug]/claim — §13.1 open a claim/<slug> PR adding the caller to the owners
import { assertCan } from "@/lib/auth/permissions";
import { requireRequestUser } from "@/lib/auth/session";
import { actorFrom } from "@/lib/bot/actor";
import { claimEntry } from "@/lib/bot/claim-entry";
import { loadRfcOrThrow, scopeOf } from "@/lib/graduation/rfc-row";
import { decodeParam, withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ slug: string }>(async (req, ctx) => {
  const user = await requireRequestUser(req);
  const slug = decodeParam((await ctx.params).slug);
  const rfc = await loadRfcOrThrow(slug);
  assertCan(user, "claim", { rfc: scopeOf(rfc) });
  const result = await claimEntry({ actor: actorFrom(user), slug });
  if (result.status === "already_owner") return Response.json({ status: "already_owner" });
  return Response.json({ status: "opened", prNumber: result.prNumber, branch: result.branch }, { status: 201 });
});
