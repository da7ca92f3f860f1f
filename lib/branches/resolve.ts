import type { BranchMeta, CachedBranch } from "@prisma/client";
import type { DocHome } from "./names";
import { homeRepoName, placeIn, type BranchPlace } from "./place";

// One branch of an RFC as the app sees it, from its cached Git refs (the
// home repo and any private companion) and its app row (BranchMeta). The
// rule is shared by the branch list and every route on a branch:
//  - a live (open) cached ref says where the branch is; when a move between
//    public and private is half done there are two, and the private one wins;
//  - with no live ref the branch is deleted (§11.5) if the app or the cache
//    saw it go, else it was just cut and the cache has not seen it yet;
//  - it is private when it lives in a companion repo, or when its app row
//    says so (a deleted private branch stays private).

export type CachedRef = Pick<CachedBranch, "repo" | "name" | "headSha" | "state" | "aheadBy" | "behindBy" | "additions" | "deletions" | "statusAt">;
export type AppRow = Pick<BranchMeta, "createdBy" | "visibility" | "repo" | "deletedAt">;

export type ResolvedBranch = {
  name: string;
  place: BranchPlace;
  live: CachedRef | null;
  state: "open" | "deleted";
  visibility: "public" | "private";
  createdBy: string;
};

export function resolveBranch(home: DocHome, name: string, refs: CachedRef[], row: AppRow | null): ResolvedBranch {
  const open = refs.filter((r) => r.state === "open");
  const homeRepo = homeRepoName(home);
  const live = open.find((r) => r.repo !== homeRepo) ?? open[0] ?? null;
  const place = placeIn(home, name, live?.repo ?? row?.repo ?? homeRepo);
  const gone = !live && (!!row?.deletedAt || refs.some((r) => r.state === "deleted"));
  return {
    name,
    place,
    live,
    state: gone ? "deleted" : "open",
    visibility: place.private || row?.visibility === "private" ? "private" : "public",
    createdBy: row?.createdBy ?? "",
  };
}
