import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam } from "@/lib/http/route";
import { settleBranchPr } from "./branch-prs";
import { loadRfcOrThrow } from "@/lib/rfcs/context";

const numberSchema = z.coerce.number().int().positive();

/**
 * Shared by the merge and close routes (§9): owners and arbiters settle an
 * active RFC's PRs; a super-draft's body-edit PR is a meta PR, settled by
 * the entry's owners (§6 "merge meta PRs"). Admins may do both.
 */
export const settleRoute = (action: "merge" | "close") =>
  withMutation<{ slug: string; number: string }>(async (_req, ctx, user) => {
    const p = await ctx.params;
    const rfc = await loadRfcOrThrow(decodeParam(p.slug, "slug"));
    const number = numberSchema.parse(decodeParam(p.number, "number"));
    assertCan(user, rfc.home.kind === "meta" ? "merge_meta_pr" : "merge_pr", { rfc: rfc.scope });
    const pr = await settleBranchPr({ rfc, number, action, actor: actorFrom(user) });
    return Response.json({ pr });
  });
