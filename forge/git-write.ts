import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { git, runGit } from "./git";
import { writeLooseObject } from "./loose-objects";

// Builds commits the way Gitea's temp-repo code does (FACTS §6): a temporary
// index, hash-object -w, update-index, write-tree, commit-tree with the
// identities in the environment and the message on stdin. The blobs are
// written in-process (loose-objects.ts, the bytes hash-object -w writes), so a
// commit of 500 files does not start 500 git processes.

export interface Signature {
  name: string;
  email: string;
  /** RFC 3339; now when absent. */
  date?: string;
}

export type TreeChange = { path: string; content: Buffer; mode?: string } | { path: string; remove: true };

/** Git's raw date format ("<unix> <+hhmm>"), keeping the offset of an RFC 3339 date. */
export function gitDate(rfc3339?: string): string {
  const when = rfc3339 ? new Date(rfc3339) : new Date();
  const m = rfc3339?.match(/([+-])(\d\d):?(\d\d)$/);
  const offset = m ? `${m[1]}${m[2]}${m[3]}` : "+0000";
  return `${Math.floor(when.getTime() / 1000)} ${offset}`;
}

export async function commitTree(
  gitDir: string,
  tree: string,
  parents: string[],
  author: Signature,
  committer: Signature,
  message: string,
): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: gitDate(author.date),
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: gitDate(committer.date),
  };
  const args = ["commit-tree", "--no-gpg-sign", tree, ...parents.flatMap((p) => ["-p", p])];
  const body = message.endsWith("\n") ? message : `${message}\n`;
  return git(gitDir, args, { env, input: body });
}

/** Applies changes to `parent`'s tree (or an empty tree) in a temporary index; returns the new tree and the blob of each written path. */
export async function writeTree(gitDir: string, parent: string | null, changes: TreeChange[]): Promise<{ tree: string; blobs: Map<string, string> }> {
  const blobs = new Map<string, string>();
  const index = path.join(os.tmpdir(), `forge-index-${randomUUID()}`);
  const env = { GIT_INDEX_FILE: index };
  try {
    await git(gitDir, parent ? ["read-tree", parent] : ["read-tree", "--empty"], { env });
    const lines: string[] = [];
    for (const change of changes) {
      if ("remove" in change) {
        lines.push(`0 0000000000000000000000000000000000000000\t${change.path}`);
      } else {
        const blob = await writeLooseObject(gitDir, "blob", change.content);
        blobs.set(change.path, blob);
        lines.push(`${change.mode ?? "100644"} ${blob}\t${change.path}`);
      }
    }
    if (lines.length) await runGit(gitDir, ["update-index", "-z", "--index-info"], { env, input: lines.join("\0") + "\0" });
    return { tree: await git(gitDir, ["write-tree"], { env }), blobs };
  } finally {
    await rm(index, { force: true });
  }
}
