import type { ChangeFilesOptions, ContentsResponse, FilesResponse, HttpResponse } from "gitea-js";
import { call, callOrNull, giteaClient } from "./client";
import { gitBlobShaOf } from "./blob-sha";

export type RepoRef = { owner: string; repo: string };
/** A file's text and its Git blob sha (what a contents write names as the version it replaces). */
export type FileAtRef = { text: string; sha: string };

/** A file as read from its bytes (raw endpoint, archive): the sha is computed as Git names the blob. */
export const fileOfBytes = (bytes: Buffer): FileAtRef => ({ text: bytes.toString("utf8"), sha: gitBlobShaOf(bytes) });

export function splitFullName(fullName: string): RepoRef {
  const [owner, repo] = fullName.split("/", 2);
  return { owner: owner ?? "", repo: repo ?? "" };
}

/**
 * A text file at a ref, or null when it does not exist. Read through the raw
 * endpoint, its blob sha computed from the bytes as Git does: the contents
 * API would also find the file's last commit, one `git log` in Gitea whose
 * cost grows with the history and the folder (issue 15: 55 ms for an entry
 * of a meta repo of 10,000 against 11 ms raw), for a field Quorum never reads.
 */
export async function readFile({ owner, repo }: RepoRef, path: string, ref?: string): Promise<FileAtRef | null> {
  const data = await callOrNull(`read ${owner}/${repo}:${path}`, () =>
    giteaClient().repos.repoGetRawFile(owner, repo, path, ref ? { ref } : {}, { format: "arrayBuffer" }) as unknown as Promise<HttpResponse<ArrayBuffer, unknown>>,
  );
  if (data === null) return null;
  return fileOfBytes(Buffer.from(data));
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
