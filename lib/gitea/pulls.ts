import type { CreatePullRequestOption, MergePullRequestOption, PullRequest } from "gitea-js";
import { call, callOrNull, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { paginate } from "./pager";

export type PullState = "open" | "closed" | "all";

export async function listPulls({ owner, repo }: RepoRef, state: PullState): Promise<PullRequest[]> {
  return paginate(`list ${state} pulls of ${owner}/${repo}`, (q) =>
    giteaClient().repos.repoListPullRequests(owner, repo, { state, sort: "recentupdate", ...q }),
  );
}

export async function getPull({ owner, repo }: RepoRef, index: number): Promise<PullRequest | null> {
  return callOrNull(`get pull #${index}`, () => giteaClient().repos.repoGetPullRequest(owner, repo, index));
}

export async function createPull({ owner, repo }: RepoRef, body: CreatePullRequestOption): Promise<PullRequest> {
  return call(`open pull ${body.head} → ${body.base}`, () => giteaClient().repos.repoCreatePullRequest(owner, repo, body));
}

export async function setPullState({ owner, repo }: RepoRef, index: number, state: "open" | "closed"): Promise<PullRequest> {
  return call(`${state === "closed" ? "close" : "reopen"} pull #${index}`, () =>
    giteaClient().repos.repoEditPullRequest(owner, repo, index, { state }),
  );
}

export async function mergePull({ owner, repo }: RepoRef, index: number, body: MergePullRequestOption): Promise<void> {
  await call(`merge pull #${index}`, () => giteaClient().repos.repoMergePullRequest(owner, repo, index, body));
}
