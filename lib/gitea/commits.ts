import type { Commit } from "gitea-js";
import { call, giteaClient } from "./client";
import type { RepoRef } from "./contents";

// Commit comparisons for branch status and update-from-main (§9, §12).

export type CommitNode = { sha: string; parents: string[]; date: string };

const node = (c: Commit): CommitNode => ({
  sha: c.sha ?? "",
  parents: (c.parents ?? []).map((p) => p.sha ?? "").filter(Boolean),
  date: c.commit?.committer?.date ?? c.created ?? "",
});

/**
 * `GET /compare/{base}...{head}`: the commits reachable from head and not
 * from base (Gitea walks from their merge base), as Git's `base..head`.
 */
export async function compareCommits({ owner, repo }: RepoRef, base: string, head: string): Promise<{ total: number; commits: CommitNode[] }> {
  const res = await call(`compare ${base}...${head}`, () =>
    giteaClient().repos.repoCompareDiff(owner, repo, `${base}...${head}`),
  );
  const commits = (res.commits ?? []).map(node);
  return { total: res.total_commits ?? commits.length, commits };
}
