import { git } from "./git";

// Commits made the way Gitea's temp-repo code makes them (FACTS §6):
// commit-tree with the identities in the environment and the message on
// stdin. Their trees are written in the forge's process (tree-edit.ts,
// loose-objects.ts), byte for byte what the temporary index would write.

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
