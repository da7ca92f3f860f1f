import type { Commit } from "gitea-js";
import { call, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { GiteaError, toGiteaError } from "./errors";
import { paginate } from "./pager";

// Commit comparisons for branch status and update-from-main (§9, §12), and
// for the cache's meta refresh: which entries a push touched (§4).

export type CommitNode = { sha: string; parents: string[]; date: string };

const node = (c: Commit): CommitNode => ({
  sha: c.sha ?? "",
  parents: (c.parents ?? []).map((p) => p.sha ?? "").filter(Boolean),
  date: c.commit?.committer?.date ?? c.created ?? "",
});

/**
 * `GET /compare/{base}...{head}`: the commits reachable from head and not
 * from base (Gitea walks from their merge base), as Git's `base..head`.
 * Pass branch names: Gitea 1.22 answers 404 for a commit id (FACTS §7.1).
 */
export async function compareCommits({ owner, repo }: RepoRef, base: string, head: string): Promise<{ total: number; commits: CommitNode[] }> {
  const res = await call(`compare ${base}...${head}`, () =>
    giteaClient().repos.repoCompareDiff(owner, repo, `${base}...${head}`),
  );
  const commits = (res.commits ?? []).map(node);
  return { total: res.total_commits ?? commits.length, commits };
}

/**
 * `GET /commits?sha=…&not=…`: the commits reachable from `sha` and not from
 * `not`, newest first (Git's `not..sha`; works with commit ids in 1.22, where
 * compare does not). `files` adds each commit's changed paths.
 */
export async function listCommits({ owner, repo }: RepoRef, sha: string, opts: { not?: string; files?: boolean } = {}): Promise<Commit[]> {
  return paginate(`list commits ${opts.not ? `${opts.not}..` : ""}${sha}`, (q) =>
    giteaClient().repos.repoGetAllCommits(owner, repo, { sha, ...(opts.not ? { not: opts.not } : {}), stat: false, verification: false, files: !!opts.files, ...q }),
  );
}

/** How many commits `not..sha` holds: one request for the count header (X-Total). */
export async function countCommits({ owner, repo }: RepoRef, sha: string, not: string): Promise<number> {
  try {
    const res = await giteaClient().repos.repoGetAllCommits(owner, repo, { sha, not, stat: false, verification: false, files: false, limit: 1 });
    const total = Number(res.headers.get("x-total") ?? res.headers.get("x-total-count"));
    return Number.isFinite(total) ? total : (res.data ?? []).length;
  } catch (err) {
    throw toGiteaError(err, `count commits ${not}..${sha}`);
  }
}

export type CommitSummary = { sha: string; message: string; parents: string[] };

/**
 * The newest commits of `ref` (at most `limit`, one page: unlike listCommits
 * it never walks the whole history), leaving out those reachable from `not`
 * when given: the commits since a known head. One request.
 */
export async function listCommitsSince({ owner, repo }: RepoRef, ref: string, not: string | null, limit = 50): Promise<CommitSummary[]> {
  const res = await call(`list commits of ${ref}${not ? ` since ${not.slice(0, 10)}` : ""}`, () =>
    giteaClient().repos.repoGetAllCommits(owner, repo, { sha: ref, ...(not ? { not } : {}), stat: false, verification: false, files: false, limit }),
  );
  return res.map((c) => ({ sha: c.sha ?? "", message: c.commit?.message ?? "", parents: (c.parents ?? []).map((p) => p.sha ?? "") }));
}

/** One page of commits (Gitea's default MAX_RESPONSE_ITEMS): a longer range is listed instead. */
const RANGE_PAGE = 50;

/**
 * The paths the commits from `base` to `head` touched (each commit's files,
 * Git's `base..head`; the commits listing takes commit ids in 1.22, compare
 * does not), from one request, or null when that cannot be told so: `base`
 * is unknown or not an ancestor of `head` (history was rewritten under us),
 * or the range fills the page.
 */
export async function filesChangedBetween({ owner, repo }: RepoRef, base: string, head: string): Promise<string[] | null> {
  if (base === head) return [];
  let commits: Commit[];
  try {
    commits = await call(`commits ${base.slice(0, 10)}..${head.slice(0, 10)}`, () =>
      giteaClient().repos.repoGetAllCommits(owner, repo, { sha: head, not: base, stat: false, verification: false, files: true, limit: RANGE_PAGE }),
    );
  } catch (err) {
    if (err instanceof GiteaError && (err.status === 404 || err.status === 422)) return null;
    throw err;
  }
  const descends = commits.some((c) => (c.parents ?? []).some((p) => p.sha === base));
  if (!descends || commits.length >= RANGE_PAGE) return null;
  return [...new Set(commits.flatMap((c) => (c.files ?? []).map((f) => f.filename ?? "")).filter(Boolean))];
}
