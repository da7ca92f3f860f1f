import type { Branch } from "gitea-js";
import { call, callOrNull, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { paginate } from "./pager";

export async function listBranches({ owner, repo }: RepoRef): Promise<Branch[]> {
  return paginate(`list branches of ${owner}/${repo}`, (q) => giteaClient().repos.repoListBranches(owner, repo, q));
}

export async function getBranch({ owner, repo }: RepoRef, name: string): Promise<Branch | null> {
  return callOrNull(`get branch ${name}`, () => giteaClient().repos.repoGetBranch(owner, repo, name));
}

export async function createBranch({ owner, repo }: RepoRef, name: string, from: string): Promise<Branch> {
  return call(`create branch ${name}`, () =>
    giteaClient().repos.repoCreateBranch(owner, repo, { new_branch_name: name, old_ref_name: from }),
  );
}

export async function deleteBranch({ owner, repo }: RepoRef, name: string): Promise<void> {
  await call(`delete branch ${name}`, () => giteaClient().repos.repoDeleteBranch(owner, repo, name));
}
