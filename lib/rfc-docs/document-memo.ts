// §15 item 3 "one read at most": a file at a commit never changes, so what
// the app read or wrote once it need not read again. Keyed by repo, commit
// and path; bounded by size, least recently used first out. A write based on
// an entry whose commit is no longer the head is still safe: the contents
// API's blob-sha guard refuses it and the caller reads again.

type Entry = { fileText: string; blobSha: string };

const MAX_ENTRIES = 256;
const MAX_CHARS = 32 * 1024 * 1024;

// On globalThis: Next bundles route handlers separately, and all of them may
// read what one wrote. Immutable data, so no coordination is needed.
const g = globalThis as unknown as { quorumDocumentMemo?: { map: Map<string, Entry>; chars: number } };
const memo = (g.quorumDocumentMemo ??= { map: new Map(), chars: 0 });

const keyOf = (repo: string, commitSha: string, path: string) => `${repo}@${commitSha}:${path}`;

export function recallFile(repo: string, commitSha: string, path: string): Entry | null {
  const key = keyOf(repo, commitSha, path);
  const hit = memo.map.get(key);
  if (!hit) return null;
  memo.map.delete(key); // most recently used goes last
  memo.map.set(key, hit);
  return hit;
}

export function rememberFile(repo: string, commitSha: string, path: string, entry: Entry): void {
  if (!commitSha || entry.fileText.length > MAX_CHARS / 4) return;
  const key = keyOf(repo, commitSha, path);
  const old = memo.map.get(key);
  if (old) {
    memo.chars -= old.fileText.length;
    memo.map.delete(key);
  }
  memo.map.set(key, entry);
  memo.chars += entry.fileText.length;
  for (const [k, v] of memo.map) {
    if (memo.map.size <= MAX_ENTRIES && memo.chars <= MAX_CHARS) break;
    memo.map.delete(k);
    memo.chars -= v.fileText.length;
  }
}

/** Tests: start from nothing remembered. */
export function forgetAllFiles(): void {
  memo.map.clear();
  memo.chars = 0;
}
