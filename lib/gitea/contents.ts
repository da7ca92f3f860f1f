import type { ChangeFilesOptions, ContentsResponse, FilesResponse, HttpResponse } from "gitea-js";
import { call, callOrNull, giteaClient } from "./client";
import { decodeBase64 } from "./base64";

export type RepoRef = { owner: string; repo: string };
export type FileAtRef = { text: string; sha: string; lastCommitSha: string | null };

export function splitFullName(fullName: string): RepoRef {
  const [owner, repo] = fullName.split("/", 2);
  return { owner: owner ?? "", repo: repo ?? "" };
}

/** A text file at a ref, or null when it does not exist. */
export async function readFile({ owner, repo }: RepoRef, path: string, ref?: string): Promise<FileAtRef | null> {
  const data = await callOrNull(`read ${owner}/${repo}:${path}`, () =>
    giteaClient().repos.repoGetContents(owner, repo, path, ref ? { ref } : {}),
  );
  if (!data || Array.isArray(data)) return null;
  const file = data as ContentsResponse;
  return { text: decodeBase64(file.content), sha: file.sha ?? "", lastCommitSha: file.last_commit_sha ?? null };
}

/**
 * A text file's content at a ref through the raw endpoint, or null when it
 * does not exist. Cheaper than readFile when neither the blob sha nor the
 * last commit is needed: Gitea finds a file's last commit with a `git log`.
 */
export async function readRawText({ owner, repo }: RepoRef, path: string, ref: string): Promise<string | null> {
  return callOrNull(`read ${owner}/${repo}:${path} (raw)`, () =>
    giteaClient().repos.repoGetRawFile(owner, repo, path, { ref }, { format: "text" }) as unknown as Promise<HttpResponse<string, unknown>>,
  );
}

/** The entries of a folder (no content), or [] when it does not exist. */
export async function listDir({ owner, repo }: RepoRef, path: string, ref?: string): Promise<ContentsResponse[]> {
  const query = ref ? { ref } : {};
  // For a folder Gitea answers an array where the swagger types a single object.
  const api = giteaClient().repos;
  const res = await callOrNull<unknown>(`list ${owner}/${repo}:${path || "/"}`, () =>
    path ? api.repoGetContents(owner, repo, path, query) : api.repoGetContentsList(owner, repo, query),
  );
  return Array.isArray(res) ? (res as ContentsResponse[]) : [];
}

/** One commit touching several files (Gitea's multi-file contents API). */
export async function changeFiles({ owner, repo }: RepoRef, body: ChangeFilesOptions, token?: string): Promise<FilesResponse> {
  return call(`change files in ${owner}/${repo}`, () => giteaClient(token).repos.repoChangeFiles(owner, repo, body));
}
