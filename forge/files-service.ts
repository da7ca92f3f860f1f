import { displayName } from "./convert/user";
import { gitDirOf, type Forge } from "./forge";
import { branchSha, updateRef, ZERO_SHA } from "./git";
import { commitTree, type Signature, type TreeChange } from "./git-write";
import { checkDate, cleanPath, decodeBase64, FileMissing, parentDirs, ShaMismatch } from "./files-check";
import { HttpError, internal, unprocessable } from "./http";
import { afterRefUpdate } from "./post-receive";
import { validBranchName } from "./repo-create";
import { BranchTrees } from "./tree-edit";
import type { RepoRec, UserRec } from "./types";

// ChangeRepoFiles (services/repository/files/update.go): one commit with
// several file operations on a branch (or a new branch), then the ref update
// with its old value and the post-receive work (webhooks, PR sync).

export interface FileOp {
  operation: "create" | "update" | "delete";
  path: string;
  content?: string;
  sha?: string;
  from_path?: string;
}

export interface Identity {
  name?: string;
  email?: string;
}

export interface ChangeOptions {
  files: FileOp[];
  message?: string;
  branch?: string;
  new_branch?: string;
  author?: Identity;
  committer?: Identity;
  dates?: { author?: string; committer?: string };
  signoff?: boolean;
}

/** GetAuthorAndCommitterUsers: an identity counts only with an email; one given sets both. */
function signatures(doer: UserRec, o: ChangeOptions): { author: Signature; committer: Signature } {
  const pick = (id?: Identity): Signature | null => {
    if (!id?.email) return null;
    if (id.email.toLowerCase() === doer.email.toLowerCase()) return { name: id.name || displayName(doer), email: doer.email };
    return { name: id.name || id.email.split("@")[0], email: id.email };
  };
  const self = { name: displayName(doer), email: doer.email };
  const committer = pick(o.committer);
  const author = pick(o.author) ?? committer ?? self;
  return {
    author: { ...author, date: checkDate(o.dates?.author) },
    committer: { ...(committer ?? author), date: checkDate(o.dates?.committer) },
  };
}

export function defaultMessage(files: FileOp[]): string {
  const of = (op: string) => files.filter((f) => f.operation === op).map((f) => f.path);
  const parts: [string, string[]][] = [["Add", of("create")], ["Update", of("update")], ["Delete", of("delete")]];
  return parts.filter(([, p]) => p.length).map(([verb, p]) => `${verb} ${p.join(", ")}`).join("\n");
}

function planChanges(trees: BranchTrees, files: FileOp[]): TreeChange[] {
  const changes: TreeChange[] = [];
  for (const f of files) {
    for (const dir of parentDirs(f.path)) {
      if (trees.kind(dir) === "blob") throw unprocessable(`a file exists where you're trying to create a subdirectory [path: ${dir}]`);
    }
    if (trees.kind(f.path) === "tree") throw unprocessable(`a directory exists where you're trying to create a file [path: ${f.path}]`);
    const source = f.operation === "update" && f.from_path ? f.from_path : f.path;
    const current = trees.item(source);
    if (f.operation === "create" && current) throw unprocessable(`repository file already exists [path: ${f.path}]`);
    if (f.operation !== "create") {
      if (!current) throw new FileMissing(source);
      if (f.sha && f.sha !== current.sha) throw new ShaMismatch(f.sha, current.sha);
    }
    if (f.operation === "update" && source !== f.path && trees.item(f.path)) {
      throw unprocessable(`repository file already exists [path: ${f.path}]`);
    }
    if (f.operation === "delete" || source !== f.path) changes.push({ path: source, remove: true });
    if (f.operation !== "delete") {
      changes.push({ path: f.path, content: decodeBase64(f.content ?? ""), mode: current?.mode === "100755" ? "100755" : "100644" });
    }
  }
  return changes;
}

/** Test hook: runs just before the ref moves (a racing push, faults.ts `race`). */
export type BeforeRefUpdate = (target: string) => Promise<void>;

export async function changeFiles(forge: Forge, repo: RepoRec, doer: UserRec, o: ChangeOptions, beforeRefUpdate?: BeforeRefUpdate) {
  const gitDir = gitDirOf(forge, repo);
  const files = o.files.map((f) => ({ ...f, path: cleanPath(f.path), from_path: f.from_path ? cleanPath(f.from_path) : undefined }));
  if (new Set(files.map((f) => f.path)).size !== files.length) throw unprocessable("duplicate file paths in one change");
  const { author, committer } = signatures(doer, o);
  return forge.locks.run(`repo:${repo.id}`, async () => {
    const branch = o.branch || repo.defaultBranch;
    const trees = await BranchTrees.read(gitDir, branch, files.flatMap((f) => [f.path, ...(f.from_path ? [f.from_path] : [])]));
    const parent = trees.head;
    // Only an empty repo's default branch may be written without a head.
    if (!parent && branch !== repo.defaultBranch) throw new HttpError(404, `branch does not exist [name: ${branch}]`);
    const target = o.new_branch || branch;
    if (o.new_branch) {
      if (!(await validBranchName(forge, o.new_branch))) throw unprocessable(`invalid branch name [name: ${o.new_branch}]`);
      if (await branchSha(gitDir, o.new_branch)) throw unprocessable(`branch already exists [name: ${o.new_branch}]`);
    }
    const changes = planChanges(trees, files);
    const { tree, blobs } = await trees.write(gitDir, changes);
    let message = (o.message ?? "").trim() || defaultMessage(files);
    if (o.signoff) message += `\n\nSigned-off-by: ${committer.name} <${committer.email}>`;
    const sha = await commitTree(gitDir, tree, parent ? [parent] : [], author, committer, message);
    const old = o.new_branch || !parent ? ZERO_SHA : parent;
    await beforeRefUpdate?.(target);
    try {
      await updateRef(gitDir, `refs/heads/${target}`, sha, old);
    } catch {
      // Gitea's push from its temporary repo is rejected (ErrPushOutOfDate),
      // which neither 1.22 nor newer maps: a 500 (FACTS §7.5).
      throw internal();
    }
    await afterRefUpdate(forge, repo, doer, { branch: target, before: old, after: sha });
    const written = changes.flatMap((c) => ("remove" in c ? [] : [{ path: c.path, mode: c.mode ?? "100644", content: c.content, sha: blobs.get(c.path)! }]));
    return { sha, branch: target, files, written };
  });
}
