import { AsyncLocalStorage } from "node:async_hooks";
import { unstorable } from "@/lib/text/encodable";

// Issue 12: one row from Gitea that cannot be stored (a PR title with a lone
// surrogate made every refresh of its repo fail) is skipped, and only that
// row: the rest of the repo refreshes. The skip is collected per refresh run
// (refresh-queue.ts) and recorded on the repo's RepoSync row, which
// /api/health reports as degraded until a refresh finds the row storable.

const collector = new AsyncLocalStorage<string[]>();

/** Runs a refresh, returning what it skipped. */
export async function collectSkippedRows<T>(run: () => Promise<T>): Promise<{ result: T; skipped: string[] }> {
  const skipped: string[] = [];
  const result = await collector.run(skipped, run);
  return { result, skipped };
}

/** True when `row` can be stored; otherwise notes "what: field reason" for the run and returns false. */
export function storableOrSkip(what: string, row: unknown): boolean {
  const bad = unstorable(row);
  if (!bad) return true;
  const note = `${what} skipped: ${bad.path} ${bad.reason}`;
  console.warn(`[quorum] ${note}`);
  collector.getStore()?.push(note);
  return false;
}

const SKIPPED = " skipped: ";
const PR_NOTE = / PR #(\d+) skipped: /;

/**
 * Which notes on record a run with these needs re-read: a run that read only
 * branches, or other PRs, says nothing about a PR it skipped before, so that
 * note stays (the rebuild's later branch-only refresh used to clear it).
 */
export function rereadBy(needs: { allPulls?: boolean; openPulls?: boolean; pulls?: number[] }): (note: string) => boolean {
  return (note) => {
    const pr = PR_NOTE.exec(note);
    if (pr) return Boolean(needs.allPulls || needs.openPulls || needs.pulls?.includes(Number(pr[1])));
    return true;
  };
}

/** The skip notes to keep on record: this run's, and the earlier ones it did not re-read. */
export function skipNotesAfter(previous: string | null, skipped: string[], reread: (note: string) => boolean): string[] {
  const earlier = (previous ?? "").split("; ").filter((n) => n.includes(SKIPPED) && !reread(n));
  return [...new Set([...earlier, ...skipped])];
}
