import { gitIso, type Forge } from "../forge";
import { commitFileLists } from "../git-diff";
import type { CommitInfo } from "../git-read";
import type { RepoRec } from "../types";
import { toUser } from "./user";

// Commit shapes: PayloadCommit (branches, push payloads), Commit (commits API)
// and FileCommitResponse (contents writes).

export const unsignedVerification = () => ({
  verified: false,
  reason: "gpg.error.not_signed_commit",
  signature: "",
  signer: null,
  payload: "",
});

const fullName = (repo: RepoRec) => `${repo.ownerName}/${repo.name}`;
const commitHtml = (forge: Forge, repo: RepoRec, sha: string) => `${forge.root}${fullName(repo)}/commit/${sha}`;
const commitApi = (forge: Forge, repo: RepoRec, sha: string) => `${forge.root}api/v1/repos/${fullName(repo)}/git/commits/${sha}`;
const treeApi = (forge: Forge, repo: RepoRec, sha: string) => `${forge.root}api/v1/repos/${fullName(repo)}/git/trees/${sha}`;

function payloadUser(forge: Forge, who: { name: string; email: string }) {
  return { name: who.name, email: who.email, username: forge.store.userByEmail(who.email)?.login ?? "" };
}

export function toPayloadCommit(
  forge: Forge,
  repo: RepoRec,
  c: CommitInfo,
  files?: { added: string[]; removed: string[]; modified: string[] },
) {
  return {
    id: c.sha,
    message: c.message,
    url: commitHtml(forge, repo, c.sha),
    author: payloadUser(forge, c.author),
    committer: payloadUser(forge, c.committer),
    verification: unsignedVerification(),
    timestamp: gitIso(c.committer.date),
    added: files?.added ?? null,
    removed: files?.removed ?? null,
    modified: files?.modified ?? null,
  };
}

export interface CommitOptions {
  stat: boolean;
  files: boolean;
  verification: boolean;
}

/** The Commit object of GET /commits and /git/commits/{sha}. */
export async function toApiCommit(forge: Forge, repo: RepoRec, gitDir: string, c: CommitInfo, o: CommitOptions) {
  const needDiff = o.stat || o.files;
  const diff = needDiff ? await commitFileLists(gitDir, c.sha, c.parents[0] ?? null, o.stat) : null;
  const author = forge.store.userByEmail(c.author.email);
  const committer = forge.store.userByEmail(c.committer.email);
  const additions = diff ? diff.files.reduce((n, f) => n + f.additions, 0) : 0;
  const deletions = diff ? diff.files.reduce((n, f) => n + f.deletions, 0) : 0;
  return {
    url: commitApi(forge, repo, c.sha),
    sha: c.sha,
    created: gitIso(c.committer.date),
    html_url: commitHtml(forge, repo, c.sha),
    commit: {
      url: commitApi(forge, repo, c.sha),
      author: { name: c.author.name, email: c.author.email, date: gitIso(c.author.date) },
      committer: { name: c.committer.name, email: c.committer.email, date: gitIso(c.committer.date) },
      message: c.message,
      tree: { url: treeApi(forge, repo, c.tree), sha: c.tree, created: gitIso(c.committer.date) },
      verification: o.verification ? unsignedVerification() : null,
    },
    author: author ? toUser(forge, author, null) : null,
    committer: committer ? toUser(forge, committer, null) : null,
    parents: c.parents.map((sha) => ({ url: commitApi(forge, repo, sha), sha, created: gitIso(c.committer.date) })),
    files:
      o.files && diff
        ? [
            ...diff.added.map((filename) => ({ filename, status: "added" })),
            ...diff.removed.map((filename) => ({ filename, status: "removed" })),
            ...diff.modified.map((filename) => ({ filename, status: "modified" })),
          ]
        : null,
    stats: o.stat ? { total: additions + deletions, additions, deletions } : null,
  };
}

/** The `commit` of FileResponse / FilesResponse / FileDeleteResponse. */
export function toFileCommit(forge: Forge, repo: RepoRec, c: CommitInfo) {
  return {
    url: commitApi(forge, repo, c.sha),
    sha: c.sha,
    created: gitIso(c.committer.date),
    html_url: commitHtml(forge, repo, c.sha),
    author: { name: c.author.name, email: c.author.email, date: gitIso(c.author.date) },
    committer: { name: c.committer.name, email: c.committer.email, date: gitIso(c.committer.date) },
    parents: c.parents.map((sha) => ({ url: commitApi(forge, repo, sha), sha, created: gitIso(c.committer.date) })),
    message: c.message,
    tree: { url: treeApi(forge, repo, c.tree), sha: c.tree, created: gitIso(c.committer.date) },
  };
}
