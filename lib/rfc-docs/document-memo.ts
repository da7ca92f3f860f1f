import { LRUCache } from "lru-cache";
import type { EditorBlock } from "@/lib/markdown";

// §15 item 3 "one read at most": a file at a commit never changes, so what
// the app read or wrote once it need not read again. Keyed by repo, commit
// and path; bounded by size, least recently used first out. A write based on
// an entry whose commit is no longer the head is still safe: the contents
// API's blob-sha guard refuses it and the caller reads again.
// The editor's reading of a document at a commit (issue 15) is memoised the
// same way: many people open the same head, and it never changes either.

type Entry = { fileText: string; blobSha: string };

const MAX_CHARS = 32 * 1024 * 1024;

// On globalThis: Next bundles route handlers separately, and all of them may
// read what one wrote. Immutable data, so no coordination is needed.
const g = globalThis as unknown as { quorumDocumentMemo?: { files: LRUCache<string, Entry>; blocks: LRUCache<string, EditorBlock[]> } };
const memo = (g.quorumDocumentMemo ??= {
  files: new LRUCache({ max: 256, maxSize: MAX_CHARS, maxEntrySize: MAX_CHARS / 4, sizeCalculation: (e) => e.fileText.length || 1 }),
  // A block list holds about its text's length again in nodes: bounded by the text it was read from.
  blocks: new LRUCache({ max: 32, maxSize: MAX_CHARS / 4, sizeCalculation: (b) => b.reduce((n, x) => n + x.end - x.start, 1) }),
});

const keyOf = (repo: string, commitSha: string, path: string) => `${repo}@${commitSha}:${path}`;

export const recallFile = (repo: string, commitSha: string, path: string): Entry | null => memo.files.get(keyOf(repo, commitSha, path)) ?? null;

export function rememberFile(repo: string, commitSha: string, path: string, entry: Entry): void {
  if (commitSha) memo.files.set(keyOf(repo, commitSha, path), entry);
}

/** The editor blocks of the document at a commit: computed once by `read`, then recalled. */
export function editorBlocksAt(repo: string, commitSha: string, path: string, read: () => EditorBlock[]): EditorBlock[] {
  const key = keyOf(repo, commitSha, path);
  const known = memo.blocks.get(key);
  if (known) return known;
  const blocks = read();
  memo.blocks.set(key, blocks);
  return blocks;
}

/** Tests: start from nothing remembered. */
export function forgetAllFiles(): void {
  memo.files.clear();
  memo.blocks.clear();
}
