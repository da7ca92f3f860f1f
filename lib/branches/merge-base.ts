import "server-only";
import { compareCommits, type CommitNode } from "@/lib/gitea/commits";
import type { RepoRef } from "@/lib/gitea";

// Gitea's API has no merge-base endpoint; the two one-sided comparisons give
// it. Commits on the branch and not on main (`ahead`) have parents outside
// that set: those are common ancestors. Likewise for `behind`. The merge base
// is the common ancestor at both boundaries (after an earlier update from
// main, the ahead side also reaches the older base), else the newest one.
//
// The comparisons name branches, never commit ids: Gitea 1.22 resolves only
// branch and tag names in GET /compare and answers 404 for an id (FACTS
// §7.1). A name means "its head now", so each side's tip is checked against
// the head the caller read; when a branch moved in between, BranchMoved.

export type Divergence = { aheadBy: number; behindBy: number; mergeBase: string };
export type BranchHeads = { base: string; head: string };

export class BranchMoved extends Error {
  constructor(readonly branch: string) {
    super(`${branch} moved while it was being compared`);
    this.name = "BranchMoved";
  }
}

function boundary(commits: CommitNode[]): string[] {
  const inside = new Set(commits.map((c) => c.sha));
  return [...new Set(commits.flatMap((c) => c.parents).filter((p) => !inside.has(p)))];
}

/** The newest commit of a comparison: the one no other commit in it has as a parent (null when empty). */
function tipOf(commits: CommitNode[]): string | null {
  const parents = new Set(commits.flatMap((c) => c.parents));
  return commits.find((c) => !parents.has(c.sha))?.sha ?? null;
}

/**
 * How branch `names.head` and `names.base` (e.g. main) diverge. `heads` are
 * the head commits the caller read; a comparison that shows another tip
 * throws BranchMoved.
 */
export async function divergence(repo: RepoRef, names: BranchHeads, heads: BranchHeads): Promise<Divergence> {
  const [ahead, behind] = await Promise.all([
    compareCommits(repo, names.base, names.head),
    compareCommits(repo, names.head, names.base),
  ]);
  const aheadTip = tipOf(ahead.commits);
  const behindTip = tipOf(behind.commits);
  if (aheadTip && aheadTip !== heads.head) throw new BranchMoved(names.head);
  if (behindTip && behindTip !== heads.base) throw new BranchMoved(names.base);
  const result = (mergeBase: string) => ({ aheadBy: ahead.total, behindBy: behind.total, mergeBase });
  if (ahead.total === 0) return result(heads.head); // the branch is an ancestor of main
  if (behind.total === 0) return result(heads.base); // main is an ancestor of the branch
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
  return result(candidates[0] ?? heads.base);
}
