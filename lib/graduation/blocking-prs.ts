import "server-only";
import { getConfig } from "@/lib/config";
import { can, type Actor, type RfcScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { BlockingPr } from "./types";

// §9.8 / §13.2: open body-edit PRs of a super-draft block its graduation.
// Read from the cache, as the dialog's list is; POST re-checks Gitea itself.

export async function listBlockingPrs(args: { slug: string; scope: RfcScope; viewer: Actor | null }): Promise<BlockingPr[]> {
  const config = getConfig();
  const rows = await db().cachedPr.findMany({
    where: { repo: config.metaRepoFullName, rfcSlug: args.slug, kind: "meta_body_edit", state: "open" },
    orderBy: { updatedAt: "desc" },
  });
  const mayMerge = can(args.viewer, "merge_meta_pr", { rfc: args.scope });
  return rows.map((pr) => ({
    number: pr.number,
    title: pr.title,
    openedBy: pr.openedBy,
    openedAt: pr.openedAt.toISOString(),
    updatedAt: pr.updatedAt.toISOString(),
    headBranch: pr.headBranch,
    branchName: pr.headBranch.replace(`edit/${args.slug}/`, ""),
    url: `${config.giteaPublicUrl}/${config.metaRepoFullName}/pulls/${pr.number}`,
    // The same rule as POST /prs/{n}/merge|close, which these buttons call:
    // the entry's owners (and admins) settle a super-draft's meta PRs (§6).
    actions: { merge: mayMerge, withdraw: mayMerge },
  }));
}
