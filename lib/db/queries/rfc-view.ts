import "server-only";
import { cache } from "react";
import { can, type Actor, type BranchScope, type RfcScope } from "@/lib/auth/permissions";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import type { BranchSummary } from "@/lib/rfc-view/api-types";

// Reads for the RFC view page (§8.1). Database only — the cache (§4) and the
// app's tables (§5); the page never calls Gitea while rendering (§2).

export type RfcForView = {
  slug: string;
  title: string;
  state: string;
  rfcId: string | null;
  repo: string | null; // the per-RFC repo once graduated (§3)
  scope: RfcScope;
  tags: string[];
  mainText: string; // super-draft body, or RFC.md on main once active (§4)
  mainSha: string | null;
};

/** The RFC's cached entry, or null for an unknown slug. Shared by the page's components. */
export const getRfcForView = cache(async ({ slug }: { slug: string }): Promise<RfcForView | null> => {
  const row = await db().cachedRfc.findUnique({
    where: { slug },
    select: {
      slug: true, title: true, state: true, rfcId: true, repo: true, owners: true, arbiters: true, tags: true,
      body: true, mainHeadSha: true, entrySha: true,
    },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    title: row.title,
    state: row.state,
    rfcId: row.rfcId || null,
    repo: row.repo || null,
    scope: { owners: parseList(row.owners), arbiters: parseList(row.arbiters) },
    tags: parseList(row.tags),
    mainText: row.body,
    mainSha: row.repo ? row.mainHeadSha : row.entrySha,
  };
});

/** Where the RFC's branches live: the meta repo for a super-draft, its own repo once graduated (§3, §11). */
const homeRepo = (rfc: RfcForView) => rfc.repo ?? getConfig().metaRepoFullName;

const PR_KINDS = ["rfc_branch", "meta_body_edit"];

/**
 * The RFC's branches (not main) that `user` may see, newest activity first.
 * App data (creator, visibility, deletion — BranchMeta) over the cache
 * (head, ahead/behind, diff stats — CachedBranch) and the branch's PR (§9).
 * Private branches of others are left out (§6), as if they did not exist.
 */
export const listBranchesForView = cache(async ({ rfc, user }: { rfc: RfcForView; user: Actor | null }): Promise<BranchSummary[]> => {
  const repo = homeRepo(rfc);
  const [cached, metas, prs] = await Promise.all([
    db().cachedBranch.findMany({ where: { repo, rfcSlug: rfc.slug }, orderBy: { lastCommitAt: "desc" } }),
    db().branchMeta.findMany({ where: { rfcSlug: rfc.slug } }),
    db().cachedPr.findMany({ where: { repo, rfcSlug: rfc.slug, kind: { in: PR_KINDS } }, orderBy: { openedAt: "desc" } }),
  ]);
  const metaByName = new Map(metas.map((m) => [m.name, m]));
  const out: BranchSummary[] = [];
  for (const b of cached) {
    if (b.displayName === "main" || b.name === "main") continue;
    const meta = metaByName.get(b.displayName);
    const scope: BranchScope = {
      createdBy: meta?.createdBy ?? "",
      visibility: meta?.visibility === "private" ? "private" : "public",
      isMain: false,
    };
    if (!can(user, "read_branch", { rfc: rfc.scope, branch: scope })) continue;
    // The open PR wins; else the newest closed or merged one (§9 branch status).
    const mine = prs.filter((p) => p.headBranch === b.name);
    const pr = mine.find((p) => p.state === "open") ?? mine[0] ?? null;
    out.push({
      name: b.displayName,
      ref: b.name,
      headSha: b.headSha,
      state: b.state === "deleted" || meta?.deletedAt ? "deleted" : "open",
      visibility: scope.visibility,
      createdBy: meta?.createdBy ?? null,
      aheadBy: b.aheadBy,
      behindBy: b.behindBy,
      additions: b.additions,
      deletions: b.deletions,
      pr: pr ? { number: pr.number, state: pr.state as "open" | "closed" | "merged", mergeable: pr.mergeable } : null,
    });
  }
  // Open branches first; deleted ones stay listed, read-only (§11.5).
  return out.sort((a, b) => (a.state === b.state ? 0 : a.state === "open" ? -1 : 1));
});

/**
 * A branch row that is in BranchMeta but not yet in the cache (cut a moment
 * ago, before the refresh landed): the page can still open it.
 */
export async function getFreshBranchMeta({ slug, name }: { slug: string; name: string }) {
  return db().branchMeta.findUnique({
    where: { rfcSlug_name: { rfcSlug: slug, name } },
    select: { name: true, createdBy: true, visibility: true, deletedAt: true },
  });
}

/** Users' display data for logins (owners and arbiters in the header of the view). */
export async function getUserRefs({ logins }: { logins: string[] }) {
  if (!logins.length) return [];
  return db().user.findMany({ where: { login: { in: logins } }, select: { login: true, name: true, avatarUrl: true } });
}
