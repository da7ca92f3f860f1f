// POST /api/rfcs/[slug]/claim — §13.1 open a claim/<slug> PR adding the caller to the owners
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { claimEntry } from "@/lib/bot/claim-entry";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { notifyClaim } from "@/lib/notifications/events";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => {
  const slug = decodeParam((await ctx.params).slug, "slug");
  const rfc = await loadRfcOrThrow(slug);
  assertCan(user, "claim", { rfc: rfc.scope });
  const result = await claimEntry({ actor: actorFrom(user), slug });
  if (result.status === "already_owner") return Response.json({ status: "already_owner" });
  // §4.1: the user's own write is refreshed at once so the open claim shows
  // (and a second claim is refused from the cache too); never fails the claim.
  await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, pulls: [result.prNumber] });
  await notifyClaim(rfc, result.prNumber, user);
  return Response.json({ status: "opened", prNumber: result.prNumber, branch: result.branch }, { status: 201 });
});
