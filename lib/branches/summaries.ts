import "server-only";
import type { CachedBranch, CachedPr } from "@prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { getRepoMainHead } from "@/lib/cache/repo-sync";
import { db } from "@/lib/db/client";
import { findRfc, type RfcContext } from "@/lib/rfcs/context";
import type { BranchSummary, PrRef } from "@/lib/contracts";
import { displayNameOf } from "./names";
import { homeRepoName } from "./place";
import { resolveBranch } from "./resolve";

export type { BranchSummary };

// docs/API.md BranchSummary, from the cache (heads, status, PRs) and the
// app's branch rows (lib/branches/resolve). Private branches are left out for
// those who may not see them (§6); branches deleted in Gitea stay, read-only (§11.5).

/** The PR from a branch to main: the open one, else the most recent. */
function prOf(prs: CachedPr[], ref: string): BranchSummary["pr"] {
  const mine = prs.filter((p) => p.headBranch === ref && p.baseBranch === "main").sort((a, b) => b.number - a.number);
  const pr = mine.find((p) => p.state === "open") ?? mine[0];
  if (!pr) return null;
  const mergeState = pr.state === "open" ? ((pr.mergeState as PrRef["mergeState"]) ?? null) : null;
  return { number: pr.number, state: pr.state as PrRef["state"], mergeable: pr.mergeable, mergeState };
}

async function mainHeadOf(rfc: RfcContext): Promise<string> {
  if (rfc.home.kind === "rfc") return (await findRfc(rfc.slug))?.mainHeadSha ?? "";
  return (await getRepoMainHead(homeRepoName(rfc.home))) ?? "";
}

export async function listBranchSummaries(rfc: RfcContext, user: Actor | null): Promise<BranchSummary[]> {
  const home = homeRepoName(rfc.home);
  const [cached, rows, prs, mainHead] = await Promise.all([
    db().cachedBranch.findMany({ where: { home, rfcSlug: rfc.slug } }),
    db().branchMeta.findMany({ where: { rfcSlug: rfc.slug } }),
    db().cachedPr.findMany({ where: { repo: home, rfcSlug: rfc.slug } }),
    mainHeadOf(rfc),
  ]);
  const refsByName = new Map<string, CachedBranch[]>();
  for (const ref of cached) {
    if (ref.displayName === "main" || (ref.repo === home && displayNameOf(rfc.home, ref.name) === null)) continue;
    refsByName.set(ref.displayName, [...(refsByName.get(ref.displayName) ?? []), ref]);
  }
  // App rows of branches of another home (a super-draft's branches after graduation) are not this RFC's now.
  const rowByName = new Map(rows.filter((r) => !r.home || r.home === home).map((r) => [r.name, r]));
  const names = [...new Set([...refsByName.keys(), ...rowByName.keys()])].sort();
  const out: BranchSummary[] = [
    { name: "main", ref: "main", headSha: mainHead, state: "open", visibility: "public", createdBy: null, aheadBy: 0, behindBy: 0, statusKnown: true, additions: 0, deletions: 0, pr: null },
  ];
  for (const name of names) {
    const b = resolveBranch(rfc.home, name, refsByName.get(name) ?? [], rowByName.get(name) ?? null);
    const scope = { createdBy: b.createdBy, visibility: b.visibility, isMain: false } as const;
    if (!can(user, "read_branch", { rfc: rfc.scope, branch: scope })) continue;
    const row = b.live;
    out.push({
      name,
      ref: b.place.ref,
      headSha: row?.headSha ?? "",
      state: b.state,
      visibility: b.visibility,
      createdBy: b.createdBy || null,
      aheadBy: row?.aheadBy ?? 0,
      behindBy: row?.behindBy ?? 0,
      statusKnown: !!row?.statusAt,
      additions: row?.additions ?? 0,
      deletions: row?.deletions ?? 0,
      // A PR is public by nature: only a public branch has one (a private branch was never PR'd while private).
      pr: b.place.private ? null : prOf(prs, b.place.ref),
    });
  }
  return out;
}
