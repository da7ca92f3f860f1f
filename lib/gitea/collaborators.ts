import type { User } from "gitea-js";
import { call, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { paginate } from "./pager";

// Repository collaborators: who besides the org's owners may reach a private repo.

export type CollaboratorPermission = "read" | "write" | "admin";

export async function listCollaborators({ owner, repo }: RepoRef): Promise<User[]> {
  return paginate(`list collaborators of ${owner}/${repo}`, (q) => giteaClient().repos.repoListCollaborators(owner, repo, q));
}

/** Adds the user, or sets their permission when they are one already. 422 for an unknown login. */
export async function addCollaborator({ owner, repo }: RepoRef, login: string, permission: CollaboratorPermission): Promise<void> {
  await call(`add ${login} to ${owner}/${repo}`, () => giteaClient().repos.repoAddCollaborator(owner, repo, login, { permission }));
}

export async function removeCollaborator({ owner, repo }: RepoRef, login: string): Promise<void> {
  await call(`remove ${login} from ${owner}/${repo}`, () => giteaClient().repos.repoDeleteCollaborator(owner, repo, login));
}
