import "server-only";
import type { CachedBranch, CachedPr } from "@prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { getRepoMainHead } from "@/lib/cache/repo-sync";
import { db } from "@/lib/db/client";
import { findRfc, repoNameOf, type RfcContext } from "@/lib/rfcs/context";
import { displayNameOf, gitRefOf } from "./names";
import type { BranchSummary } from "@/lib/contracts";

export type { BranchSummary };

// docs/API.md BranchSummary, from the cache (heads, status, PRs) and app data
// (creator, visibility, deletion). Private branches are left out for those
// who may not see them (§6); branches deleted in Gitea stay, read-only (§11.5).

/** The PR from a branch to main: the open one, else the most recent. */
function prOf(prs: CachedPr[], ref: string): BranchSummary["pr"] {
  const mine = prs.filter((p) => p.headBranch === ref && p.baseBranch === "main").sort((a, b) => b.number - a.number);
  const pr = mine.find((p) => p.state === "open") ?? mine[0];
  return pr ? { number: pr.number, state: pr.state as "open" | "closed" | "merged", mergeable: pr.mergeable } : null;
}

async function mainHeadOf(rfc: RfcContext): Promise<string> {
  if (rfc.home.kind === "rfc") return (await findRfc(rfc.slug))?.mainHeadSha ?? "";
  return (await getRepoMainHead(repoNameOf(rfc.home))) ?? "";
}

export async function listBranchSummaries(rfc: RfcContext, user: Actor | null): Promise<BranchSummary[]> {
  const repo = repoNameOf(rfc.home);
  const [cached, metas, prs, mainHead] = await Promise.all([
    db().cachedBranch.findMany({ where: { repo, rfcSlug: rfc.slug } }),
    db().branchMeta.findMany({ where: { rfcSlug: rfc.slug } }),
    db().cachedPr.findMany({ where: { repo, rfcSlug: rfc.slug } }),
    mainHeadOf(rfc),
  ]);
  const metaByName = new Map(metas.map((m) => [m.name, m]));
  const byName = new Map<string, CachedBranch>();
  for (const row of cached) {
    const name = displayNameOf(rfc.home, row.name);
    if (name && name !== "main") byName.set(name, row);
  }
  const names = [...new Set([...byName.keys(), ...metaByName.keys()])].sort();
  const out: BranchSummary[] = [
    { name: "main", ref: "main", headSha: mainHead, state: "open", visibility: "public", createdBy: null, aheadBy: 0, behindBy: 0, additions: 0, deletions: 0, pr: null },
  ];
  for (const name of names) {
    const row = byName.get(name);
    const meta = metaByName.get(name);
    // A BranchMeta row without a cached branch is a cut the cache has not seen yet, or a deleted branch.
    const visibility = meta?.visibility === "private" ? "private" : "public";
    const scope = { createdBy: meta?.createdBy ?? "", visibility, isMain: false } as const;
    if (!can(user, "read_branch", { rfc: rfc.scope, branch: scope })) continue;
    const ref = row?.name ?? gitRefOf(rfc.home, name);
    out.push({
      name,
      ref,
      headSha: row?.headSha ?? "",
      state: meta?.deletedAt || row?.state === "deleted" ? "deleted" : "open",
      visibility,
      createdBy: meta?.createdBy || null,
      aheadBy: row?.aheadBy ?? 0,
      behindBy: row?.behindBy ?? 0,
      additions: row?.additions ?? 0,
      deletions: row?.deletions ?? 0,
      pr: prOf(prs, ref),
    });
  }
  return out;
}
