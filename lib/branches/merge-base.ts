import "server-only";
import { compareCommits, type CommitNode } from "@/lib/gitea/commits";
import type { RepoRef } from "@/lib/gitea";

// Gitea's API has no merge-base endpoint; the two one-sided comparisons give
// it. Commits on the branch and not on main (`ahead`) have parents outside
// that set: those are common ancestors. Likewise for `behind`. The merge base
// is the common ancestor at both boundaries (after an earlier update from
// main, the ahead side also reaches the older base), else the newest one.

export type Divergence = { aheadBy: number; behindBy: number; mergeBase: string };

function boundary(commits: CommitNode[]): string[] {
  const inside = new Set(commits.map((c) => c.sha));
  return [...new Set(commits.flatMap((c) => c.parents).filter((p) => !inside.has(p)))];
}

export async function divergence(repo: RepoRef, mainSha: string, branchSha: string): Promise<Divergence> {
  const [ahead, behind] = await Promise.all([
    compareCommits(repo, mainSha, branchSha),
    compareCommits(repo, branchSha, mainSha),
  ]);
  const result = (mergeBase: string) => ({ aheadBy: ahead.total, behindBy: behind.total, mergeBase });
  if (ahead.total === 0) return result(branchSha); // the branch is an ancestor of main
  if (behind.total === 0) return result(mainSha); // main is an ancestor of the branch
  const fromAhead = boundary(ahead.commits);
  const fromBehind = new Set(boundary(behind.commits));
  const both = fromAhead.filter((sha) => fromBehind.has(sha));
  if (both.length === 1) return result(both[0]);
  const dates = new Map([...ahead.commits, ...behind.commits].map((c) => [c.sha, c.date]));
  // Boundary commits are not in either list, so order by the date of their children.
  const childDate = (sha: string) =>
    [...ahead.commits, ...behind.commits]
      .filter((c) => c.parents.includes(sha))
      .map((c) => dates.get(c.sha) ?? "")
      .sort()[0] ?? "";
  const candidates = (both.length ? both : fromAhead).sort((a, b) => childDate(b).localeCompare(childDate(a)));
  return result(candidates[0] ?? mainSha);
}
