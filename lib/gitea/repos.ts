import type { CreateRepoOption, EditRepoOption, Repository } from "gitea-js";
import { call, callOrNull, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { paginate } from "./pager";

export async function getRepo({ owner, repo }: RepoRef): Promise<Repository | null> {
  return callOrNull(`get repo ${owner}/${repo}`, () => giteaClient().repos.repoGet(owner, repo));
}

export async function createOrgRepo(org: string, body: CreateRepoOption): Promise<Repository> {
  return call(`create repo ${org}/${body.name}`, () => giteaClient().orgs.createOrgRepo(org, body));
}

export async function deleteRepo({ owner, repo }: RepoRef): Promise<void> {
  await call(`delete repo ${owner}/${repo}`, () => giteaClient().repos.repoDelete(owner, repo));
}

export async function editRepo({ owner, repo }: RepoRef, body: EditRepoOption): Promise<Repository> {
  return call(`edit repo ${owner}/${repo}`, () => giteaClient().repos.repoEdit(owner, repo, body));
}

/** Gitea's archive: the repo stays readable and refuses writes (423). */
export async function archiveRepo({ owner, repo }: RepoRef, archived = true): Promise<Repository> {
  return call(`${archived ? "archive" : "unarchive"} repo ${owner}/${repo}`, () => giteaClient().repos.repoEdit(owner, repo, { archived }));
}

/**
 * The org's repos, most recently updated first, stopping at the first one
 * not newer than `since` — one request when nothing changed (§4 sweep cost).
 */
export async function reposUpdatedSince(orgId: number, since: string | null, maxPages = 20): Promise<Repository[]> {
  const out: Repository[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await call(`search repos of org ${orgId}`, () =>
      giteaClient().repos.repoSearch({ uid: orgId, sort: "updated", order: "desc", page, limit: 50 }),
    );
    const items = res.data ?? [];
    for (const r of items) {
      if (since && r.updated_at && r.updated_at <= since) return out;
      out.push(r);
    }
    if (items.length < 50) break;
  }
  return out;
}

/**
 * The org's repos, most recently updated first, until `stop` says the rest
 * are known (the reconciler stops at the first repo it has already read at
 * that `updated_at`), so an idle sweep costs one request (§4).
 */
export async function orgReposUntil(orgId: number, stop: (r: Repository) => boolean, maxPages = 100): Promise<Repository[]> {
  const out: Repository[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await call(`search repos of org ${orgId}`, () =>
      giteaClient().repos.repoSearch({ uid: orgId, exclusive: true, sort: "updated", order: "desc", page, limit: 50 }),
    );
    const items = res.data ?? [];
    for (const r of items) {
      if (stop(r)) return out;
      out.push(r);
    }
    if (items.length < 50) break;
  }
  return out;
}

/** Every repo of the org (the naive sweep of the benchmark lists them all). */
export async function listOrgRepos(org: string): Promise<Repository[]> {
  return paginate(`list repos of ${org}`, (q) => giteaClient().orgs.orgListRepos(org, q));
}
