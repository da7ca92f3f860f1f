import { createHash } from "node:crypto";

// The identity of a write request (lib/writes/journal.ts): the same request
// sent again — after a lost answer, a 502, a reload — finds its first row.

/** One accept of these changes (a batch: all of them), whatever their order. */
export const acceptKey = (changeIds: readonly string[]) => `accept:${[...changeIds].sort().join(",")}`;

/** One flush of this text on this branch, based on this commit. */
export const flushKey = (repo: string, ref: string, baseSha: string, text: string) =>
  `flush:${repo}:${ref}:${baseSha}:${createHash("sha256").update(text).digest("hex")}`;

/** One merge of this PR. */
export const mergeKey = (repo: string, number: number) => `merge:${repo}#${number}`;

/** One attempt to move a branch between public and private: a retry is a new attempt (an undone one left nothing). */
export const moveKey = (slug: string, branch: string, toRepo: string, attempt: string) => `move:${slug}\n${branch}>${toRepo}:${attempt}`;
