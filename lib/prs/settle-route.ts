import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";
import { parseFields } from "@/lib/http/fields";
import { notifyPr } from "@/lib/notifications/events";
import { settleBranchPr } from "./branch-prs";
import { settleEntryMetaPr } from "./entry-meta-prs";
import { loadRfcOrThrow } from "@/lib/rfcs/context";

const numberSchema = z.coerce.number().int().positive();
const body = z.object({
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters").optional(),
  repo: z.enum(["meta", "rfc"]).optional(),
});

/**
 * Shared by the merge and close routes (§9): owners and arbiters settle an
 * active RFC's PRs; the entry's meta PRs — a super-draft's body edits, and
 * every RFC's claims and metadata changes — are settled by the entry's
 * owners (§6 "merge meta PRs"). An active RFC's repo numbers its own PRs,
 * so its meta PRs are addressed with `{ "repo": "meta" }`. Admins may do
 * both. A close may carry `{ reason }`, kept as a comment on the PR.
 */
export const settleRoute = (action: "merge" | "close") =>
  withMutation<{ slug: string; number: string }>(async (req, ctx, user) => {
    const p = await ctx.params;
    const rfc = await loadRfcOrThrow(decodeParam(p.slug, "slug"));
    const number = numberSchema.parse(decodeParam(p.number, "number"));
    const { reason, repo } = parseFields(body, await readJson(req));
    const inMeta = rfc.home.kind === "meta" || repo === "meta";
    assertCan(user, inMeta ? "merge_meta_pr" : "merge_pr", { rfc: rfc.scope });
    const pr = inMeta
      ? await settleEntryMetaPr({ rfc, number, action, actor: actorFrom(user), reason })
      : await settleBranchPr({ rfc, number, action, actor: actorFrom(user) });
    if (action === "merge" && pr.state === "merged") await notifyPr(rfc, pr, "merged", user);
    return Response.json({ pr });
  });
