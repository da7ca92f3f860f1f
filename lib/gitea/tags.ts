import type { Tag } from "gitea-js";
import { call, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { paginate } from "./pager";

/** Every tag of the repo, newest first. */
export async function listTags({ owner, repo }: RepoRef): Promise<Tag[]> {
  return paginate(`list tags of ${owner}/${repo}`, (q) => giteaClient().repos.repoListTags(owner, repo, q));
}

/** An annotated tag (a lightweight one without a message). 409 when it exists. */
export async function createTag({ owner, repo }: RepoRef, name: string, target: string, message: string): Promise<Tag> {
  return call(`create tag ${name}`, () => giteaClient().repos.repoCreateTag(owner, repo, { tag_name: name, target, message }));
}

export async function deleteTag({ owner, repo }: RepoRef, name: string): Promise<void> {
  await call(`delete tag ${name}`, () => giteaClient().repos.repoDeleteTag(owner, repo, name));
}
