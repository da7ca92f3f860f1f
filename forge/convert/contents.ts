import type { Forge } from "../forge";
import { readBlob, type TreeEntry } from "../git-read";
import type { RepoRec } from "../types";

// ContentsResponse (services/repository/files/content.go, GetContents).

const enc = (p: string) => p.split("/").map(encodeURIComponent).join("/");

export interface RefInfo {
  name: string;
  kind: "branch" | "tag" | "commit";
}

export async function toContents(
  forge: Forge,
  repo: RepoRec,
  gitDir: string,
  ref: RefInfo,
  entry: TreeEntry,
  lastCommitSha: string,
  withContent: boolean,
  /** The blob's bytes when the caller already has them. */
  known?: Buffer,
) {
  const full = `${repo.ownerName}/${repo.name}`;
  const self = `${forge.root}api/v1/repos/${full}/contents/${enc(entry.path)}?ref=${encodeURIComponent(ref.name)}`;
  const gitUrl = `${forge.root}api/v1/repos/${full}/git/${entry.type === "dir" ? "trees" : "blobs"}/${entry.sha}`;
  const html = `${forge.root}${full}/src/${ref.kind}/${enc(ref.name)}/${enc(entry.path)}`;
  const isBlob = entry.type === "file" || entry.type === "symlink";
  const blob = isBlob && (withContent || entry.type === "symlink") ? (known ?? (await readBlob(gitDir, entry.sha))) : null;
  return {
    name: entry.name,
    path: entry.path,
    sha: entry.sha,
    last_commit_sha: lastCommitSha,
    type: entry.type,
    size: isBlob ? entry.size : 0,
    encoding: entry.type === "file" && withContent ? "base64" : null,
    content: entry.type === "file" && withContent && blob ? blob.toString("base64") : null,
    target: entry.type === "symlink" && blob ? blob.toString("utf8") : null,
    url: self,
    html_url: html,
    git_url: gitUrl,
    download_url: isBlob ? `${forge.root}${full}/raw/${ref.kind}/${enc(ref.name)}/${enc(entry.path)}` : null,
    submodule_git_url: null,
    _links: { self, git: gitUrl, html },
  };
}
