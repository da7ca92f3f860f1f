import { gitDirOf, type Forge } from "./forge";
import { branchSha, git, mergeBase, mergeTree, treeOf } from "./git";
import type { PullRec, RepoRec } from "./types";

// Mergeability (FACTS §6, services/pull/merge_tree.go): merge-base, then
// `git merge-tree --write-tree`. Computed at once when a PR is opened; after
// a push to its head or base it goes through the background queue
// (pull-queue.ts, FACTS §7.2).

export async function checkPull(forge: Forge, repo: RepoRec, pr: PullRec): Promise<void> {
  const gitDir = gitDirOf(forge, repo);
  const base = await branchSha(gitDir, pr.baseBranch);
  pr.baseSha = base ?? "";
  if (!base) {
    pr.status = "error";
    return;
  }
  const mb = await mergeBase(gitDir, base, pr.headSha);
  pr.mergeBase = mb ?? "";
  if (mb === pr.headSha) {
    pr.status = "ancestor";
    return;
  }
  const merged = await mergeTree(gitDir, base, pr.headSha);
  if (merged.conflict) pr.status = "conflict";
  else pr.status = merged.tree === (await treeOf(gitDir, base)) ? "empty" : "mergeable";
}

export async function writePullRef(forge: Forge, repo: RepoRec, pr: PullRec): Promise<void> {
  await git(gitDirOf(forge, repo), ["update-ref", `refs/pull/${pr.index}/head`, pr.headSha]);
}

/**
 * Brings an open PR up to date with branches moved outside the forge's own
 * writes (a `git push` straight into the bare repo, which runs no Gitea
 * hooks here): a moved head updates head sha, refs/pull/N/head and
 * updated_at; either move queues a mergeability check. Returns whether the
 * head moved.
 */
export async function syncPull(forge: Forge, repo: RepoRec, pr: PullRec): Promise<boolean> {
  if (pr.state !== "open") return false;
  const gitDir = gitDirOf(forge, repo);
  const [head, base] = await Promise.all([branchSha(gitDir, pr.headBranch), branchSha(gitDir, pr.baseBranch)]);
  const headMoved = Boolean(head && head !== pr.headSha);
  if (!headMoved && (base ?? "") === pr.baseSha) return false;
  if (head && headMoved) {
    pr.headSha = head;
    pr.updated = Date.now();
    await writePullRef(forge, repo, pr);
  }
  await forge.pullQueue.add(repo, pr);
  return headMoved;
}

/** Syncs every open PR of a repository (before listing them). */
export async function syncRepoPulls(forge: Forge, repo: RepoRec): Promise<void> {
  const open = forge.store.state.pulls.filter((p) => p.repoId === repo.id && p.state === "open");
  await Promise.all(open.map((pr) => syncPull(forge, repo, pr)));
}

/** `[repository.pull-request] WORK_IN_PROGRESS_PREFIXES` default (FACTS §7.6). */
export const WORK_IN_PROGRESS_PREFIXES = ["WIP:", "[WIP]"];

/** models/issues/pull.go IsWorkInProgress: the title starts with a prefix, any case. */
export const isWorkInProgress = (pr: Pick<PullRec, "title">) =>
  WORK_IN_PROGRESS_PREFIXES.some((p) => pr.title.toUpperCase().startsWith(p.toUpperCase()));

/** True when the PR's status allows a merge (Gitea's CanAutoMerge() || IsEmpty()). */
export const canMergeStatus = (pr: PullRec) => pr.status === "mergeable" || pr.status === "empty";

/** The `mergeable` field (Gitea's Mergeable(): not checking, conflict, error or work in progress). */
export const mergeableField = (pr: PullRec) =>
  pr.status !== "checking" && pr.status !== "conflict" && pr.status !== "error" && !isWorkInProgress(pr);
