import { conflict, notFound, type Ctx } from "./http";
import { syncPull } from "./pull-check";
import type { PullRec, RepoRec } from "./types";

// Finding a PR by the path's `index`, and the one-open-PR-per-head/base rule.

/** The PR `index` of the path, synced with its branches; 404 when missing. */
export async function pullOf(ctx: Ctx, repo: RepoRec): Promise<PullRec> {
  const index = Number(ctx.params.index);
  const pr = ctx.forge.store.state.pulls.find((p) => p.repoId === repo.id && p.index === index);
  if (!pr) throw notFound();
  await syncPull(ctx.forge, repo, pr);
  return pr;
}

export function duplicateOpen(ctx: Ctx, pr: Pick<PullRec, "repoId" | "headBranch" | "baseBranch">, except?: PullRec) {
  const dup = ctx.forge.store.state.pulls.find(
    (p) => p !== except && p.repoId === pr.repoId && p.state === "open" && p.headBranch === pr.headBranch && p.baseBranch === pr.baseBranch,
  );
  if (dup) {
    throw conflict(
      `pull request already exists for these targets [id: ${dup.id}, issue_id: ${dup.issueId}, head_repo_id: ${dup.repoId}, base_repo_id: ${dup.repoId}, head_branch: ${dup.headBranch}, base_branch: ${dup.baseBranch}]`,
    );
  }
}
