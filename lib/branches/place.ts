import { getConfig } from "@/lib/config";
import { splitFullName, type RepoRef } from "@/lib/gitea";
import { gitRefOf, type DocHome } from "./names";

// Where a branch's Git ref lives. A public branch is a ref of the RFC's home
// repo (the meta repo's `edit/<slug>/<name>`, or `<name>` in the per-RFC
// repo, §3 §11); a private branch is `<name>` in a private companion repo of
// that home (lib/private), where Gitea itself keeps it from everyone who is
// not a collaborator. Every read and write of a branch goes through its place.

export type BranchPlace = {
  home: DocHome;
  name: string; // display name (§11); "main" for the RFC itself
  repoName: string; // org/name
  repo: RepoRef;
  ref: string;
  private: boolean;
};

export const homeRepoName = (home: DocHome) => (home.kind === "rfc" ? home.repo : getConfig().metaRepoFullName);

/** A ref of the home repo: main, or a public branch. */
export function publicPlace(home: DocHome, name: string): BranchPlace {
  const repoName = homeRepoName(home);
  return { home, name, repoName, repo: splitFullName(repoName), ref: gitRefOf(home, name), private: false };
}

export const mainPlace = (home: DocHome) => publicPlace(home, "main");

/** A branch in a private companion repo: there the ref is the display name itself. */
export function privatePlace(home: DocHome, name: string, companion: string): BranchPlace {
  return { home, name, repoName: companion, repo: splitFullName(companion), ref: name, private: true };
}

/** The place of a branch living in `repoName` (the home repo or a companion). */
export function placeIn(home: DocHome, name: string, repoName: string): BranchPlace {
  return repoName === homeRepoName(home) ? publicPlace(home, name) : privatePlace(home, name, repoName);
}
