import { displayName } from "./convert/user";
import { gitDirOf, type Forge } from "./forge";
import { branchSha, deleteRef, isAncestor, mergeTree, updateRef, ZERO_SHA } from "./git";
import { commitTree, type Signature } from "./git-write";
import { conflict, HttpError, notFound } from "./http";
import { afterRefUpdate } from "./post-receive";
import { canMergeStatus, isWorkInProgress, syncPull } from "./pull-check";
import { emitPull } from "./pull-events";
import type { PullRec, RepoRec, UserRec } from "./types";

// Merging a PR (FACTS §5 "Merge", §6, §7): CheckPullMergeable (merged 405,
// closed 404, work in progress 405, checking or conflict 405 "Please try
// again later"), the merge style, head_commit_id (409), then a merge commit
// (Do=merge: two parents) or a squash commit (one parent, PR poster as
// author) built from `git merge-tree --write-tree`, then the base ref update
// with its old value, the push webhook, `closed` with merged=true, and
// optionally deleting the head branch.

export interface MergeOptions {
  Do: string;
  MergeTitleField?: string;
  MergeMessageField?: string;
  delete_branch_after_merge?: boolean;
  head_commit_id?: string;
}

const sigOf = (u: UserRec): Signature => ({ name: displayName(u), email: u.email });

function mergeMessage(pr: PullRec, o: MergeOptions, style: string): string {
  let message = (o.MergeTitleField ?? "").trim();
  if (!message) {
    message = style === "squash"
      ? `${pr.title} (#${pr.index})`
      : `Merge pull request '${pr.title}' (#${pr.index}) from ${pr.headBranch} into ${pr.baseBranch}`;
  }
  const body = (o.MergeMessageField ?? "").trim();
  return body ? `${message}\n\n${body}` : message;
}

export async function mergePull(
  forge: Forge,
  repo: RepoRec,
  pr: PullRec,
  doer: UserRec,
  o: MergeOptions,
  beforeRefUpdate?: (branch: string) => Promise<void>,
): Promise<void> {
  const style = o.Do || "merge";
  const gitDir = gitDirOf(forge, repo);
  await forge.locks.run(`repo:${repo.id}`, async () => {
    await syncPull(forge, repo, pr);
    if (pr.merged) throw new HttpError(405, "");
    if (pr.state === "closed") throw notFound();
    if (isWorkInProgress(pr)) throw new HttpError(405, "Work in progress PRs cannot be merged");
    if (!canMergeStatus(pr)) throw new HttpError(405, "Please try again later");
    if (!["merge", "squash", "fast-forward-only"].includes(style)) throw new HttpError(405, `${style} is not allowed an allowed merge style for this repository`);
    const base = await branchSha(gitDir, pr.baseBranch);
    if (!base) throw notFound();
    if (o.head_commit_id && o.head_commit_id !== pr.headSha) throw conflict("head out of date");
    let sha: string;
    if (style === "fast-forward-only") {
      if (!(await isAncestor(gitDir, base, pr.headSha))) throw new HttpError(405, "fast-forward-only merge is not possible");
      sha = pr.headSha;
    } else {
      const merged = await mergeTree(gitDir, base, pr.headSha);
      if (merged.conflict) throw conflict("merge failed because of conflict");
      let message = mergeMessage(pr, o, style);
      const poster = forge.store.userById(pr.posterId) ?? doer;
      if (style === "squash" && poster.id !== doer.id) {
        const co = `${displayName(poster)} <${poster.email}>`;
        if (!message.includes(`Co-authored-by: ${co}`)) message += `\nCo-authored-by: ${co}`;
        message += `\nCo-committed-by: ${co}\n`;
      }
      const parents = style === "squash" ? [base] : [base, pr.headSha];
      const author = style === "squash" ? sigOf(poster) : sigOf(doer);
      sha = await commitTree(gitDir, merged.tree, parents, author, sigOf(doer), message);
    }
    await beforeRefUpdate?.(pr.baseBranch);
    try {
      await updateRef(gitDir, `refs/heads/${pr.baseBranch}`, sha, base);
    } catch {
      throw conflict("merge push out of date");
    }
    Object.assign(pr, { merged: true, mergedAt: Date.now(), mergedBy: doer.id, mergeCommitSha: sha, state: "closed" });
    pr.closed = pr.mergedAt;
    pr.updated = pr.mergedAt;
    forge.store.save();
    await afterRefUpdate(forge, repo, doer, { branch: pr.baseBranch, before: base, after: sha });
    await emitPull(forge, repo, pr, "closed", doer);
    if (o.delete_branch_after_merge) await deleteHead(forge, repo, pr, doer);
  });
}

async function deleteHead(forge: Forge, repo: RepoRec, pr: PullRec, doer: UserRec): Promise<void> {
  const gitDir = gitDirOf(forge, repo);
  const stillUsed = forge.store.state.pulls.some((p) => p.repoId === repo.id && p.state === "open" && p.headBranch === pr.headBranch);
  const head = await branchSha(gitDir, pr.headBranch);
  if (stillUsed || !head || pr.headBranch === repo.defaultBranch) return;
  await deleteRef(gitDir, `refs/heads/${pr.headBranch}`, head);
  await afterRefUpdate(forge, repo, doer, { branch: pr.headBranch, before: head, after: ZERO_SHA });
}
