// An in-process mutex per branch for change decisions (§8.9). Two people
// accepting at the same moment run one after the other, so the second reads
// the first one's commit and finds its change stale instead of racing it.
// The contents API's blob-sha check stays the atomic guard against writers
// outside this process (manual-edit flushes, another server).

const g = globalThis as unknown as { quorumBranchLocks?: Map<string, Promise<unknown>> };
const tails = (g.quorumBranchLocks ??= new Map<string, Promise<unknown>>());

export async function withBranchLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // The last one out removes the entry, so idle branches hold no memory.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
