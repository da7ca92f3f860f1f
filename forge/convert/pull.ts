import { gitDirOf, iso, type Forge } from "../forge";
import { branchSha } from "../git";
import { diffStat, type DiffStat } from "../git-diff";
import { mergeableField } from "../pull-check";
import type { PullRec, RepoRec, UserRec } from "../types";
import { commentCount } from "./comment";
import { toRepo } from "./repo";
import { toUser } from "./user";

// PullRequest (services/convert/pull.go) and the Issue view of a PR (issue search).

const statCache = new Map<string, DiffStat>();

async function stats(gitDir: string, from: string, to: string): Promise<DiffStat> {
  const key = `${gitDir}\0${from}\0${to}`;
  let s = statCache.get(key);
  if (!s) {
    s = await diffStat(gitDir, from || null, to);
    if (statCache.size > 5000) statCache.clear();
    statCache.set(key, s);
  }
  return s;
}

const userOrNull = (forge: Forge, id: number) => {
  const u = id ? forge.store.userById(id) : undefined;
  return u ? toUser(forge, u, null) : null;
};

export async function toPull(forge: Forge, repo: RepoRec, pr: PullRec, viewer: UserRec | null | "full") {
  const gitDir = gitDirOf(forge, repo);
  const full = `${repo.ownerName}/${repo.name}`;
  const html = `${forge.root}${full}/pulls/${pr.index}`;
  const [headBranchSha, baseBranchSha, apiRepo] = await Promise.all([
    branchSha(gitDir, pr.headBranch),
    branchSha(gitDir, pr.baseBranch),
    toRepo(forge, repo, viewer),
  ]);
  const headSha = pr.state === "open" && headBranchSha ? headBranchSha : pr.headSha;
  const s = await stats(gitDir, pr.mergeBase, pr.headSha);
  return {
    id: pr.id,
    url: html,
    number: pr.index,
    user: userOrNull(forge, pr.posterId),
    title: pr.title,
    body: pr.body,
    labels: [],
    milestone: null,
    assignee: null,
    assignees: null,
    requested_reviewers: null,
    state: pr.state,
    draft: false,
    is_locked: false,
    comments: commentCount(forge, pr),
    review_comments: 0,
    additions: s.additions,
    deletions: s.deletions,
    changed_files: s.changedFiles,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    mergeable: mergeableField(pr),
    merged: pr.merged,
    merged_at: pr.merged ? iso(pr.mergedAt) : null,
    merge_commit_sha: pr.merged ? pr.mergeCommitSha : null,
    merged_by: pr.merged ? userOrNull(forge, pr.mergedBy) : null,
    allow_maintainer_edit: false,
    base: { label: pr.baseBranch, ref: pr.baseBranch, sha: baseBranchSha ?? pr.baseSha, repo_id: repo.id, repo: apiRepo },
    head: {
      label: pr.headBranch,
      ref: headBranchSha ? pr.headBranch : `refs/pull/${pr.index}/head`,
      sha: headSha,
      repo_id: repo.id,
      repo: apiRepo,
    },
    merge_base: pr.mergeBase,
    due_date: null,
    created_at: iso(pr.created),
    updated_at: iso(pr.updated),
    closed_at: pr.state === "closed" ? iso(pr.closed) : null,
    pin_order: 0,
  };
}

/** The Issue object of a PR, as GET /repos/issues/search returns it. */
export function toPullIssue(forge: Forge, repo: RepoRec, pr: PullRec) {
  const full = `${repo.ownerName}/${repo.name}`;
  const html = `${forge.root}${full}/pulls/${pr.index}`;
  return {
    id: pr.issueId,
    url: `${forge.root}api/v1/repos/${full}/issues/${pr.index}`,
    html_url: html,
    number: pr.index,
    user: userOrNull(forge, pr.posterId),
    original_author: "",
    original_author_id: 0,
    title: pr.title,
    body: pr.body,
    ref: "",
    assets: [],
    labels: [],
    milestone: null,
    assignee: null,
    assignees: null,
    state: pr.state,
    is_locked: false,
    comments: commentCount(forge, pr),
    created_at: iso(pr.created),
    updated_at: iso(pr.updated),
    closed_at: pr.state === "closed" ? iso(pr.closed) : null,
    due_date: null,
    pull_request: { merged: pr.merged, merged_at: pr.merged ? iso(pr.mergedAt) : null, draft: false, html_url: html },
    repository: { id: repo.id, name: repo.name, owner: repo.ownerName, full_name: full },
    pin_order: 0,
  };
}
