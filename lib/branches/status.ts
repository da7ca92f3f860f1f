import "server-only";
import type { CachedBranch } from "@prisma/client";
import { db } from "@/lib/db/client";
import { countCommits, getBranch, readFile, splitFullName, type RepoRef } from "@/lib/gitea";
import { readPrivateLine } from "@/lib/private/base";
import { documentPath, documentText } from "@/lib/rfc-docs/read-document";
import { summarizeEdit } from "@/lib/rfc-docs/sections";
import { repoNameOf, repoOf, type RfcContext } from "@/lib/rfcs/context";
import { BranchMoved, divergence, type Divergence } from "./merge-base";
import { placeIn } from "./place";

// §9 branch status: ahead/behind main and the document's added/removed lines
// since the merge base (what a PR would show; for a private branch, since the
// base recorded in its companion repo, lib/private/base). Recomputed when a push or PR
// event marked it stale, otherwise at most every 120 s; a failing branch
// backs off (seed 004) and never blocks the others.

export const STATUS_TTL_MS = 120_000;
const BACKOFF_MS = 5 * 60_000;
const CONCURRENCY = 3;

export function isStatusDue(b: Pick<CachedBranch, "statusStale" | "statusAt" | "backoffUntil">, now = new Date()): boolean {
  if (b.backoffUntil && b.backoffUntil > now) return false;
  return b.statusStale || !b.statusAt || now.getTime() - b.statusAt.getTime() >= STATUS_TTL_MS;
}

async function documentAt(rfc: RfcContext, repo: RepoRef, sha: string): Promise<string> {
  const file = await readFile(repo, documentPath(rfc.home), sha);
  return file ? documentText(rfc.home, file.text) : "";
}

/** Ahead/behind and the merge base: from Git's history for a public branch, from the recorded base for a private one. */
async function divergenceOf(rfc: RfcContext, row: CachedBranch, mainSha: string): Promise<Divergence> {
  const home = repoOf(rfc.home);
  if (row.repo === row.home) return divergence(home, { base: "main", head: row.name }, { base: mainSha, head: row.headSha });
  const line = await readPrivateLine(placeIn(rfc.home, row.displayName, row.repo));
  const behindBy = line.base === mainSha ? 0 : await countCommits(home, mainSha, line.base);
  return { aheadBy: line.commits.length, behindBy, mergeBase: line.base };
}

async function computeOne(rfc: RfcContext, row: CachedBranch, mainSha: string): Promise<void> {
  try {
    const d = await divergenceOf(rfc, row, mainSha);
    const [base, head] = await Promise.all([documentAt(rfc, repoOf(rfc.home), d.mergeBase), documentAt(rfc, splitFullName(row.repo), row.headSha)]);
    const { added, removed } = summarizeEdit(base, head);
    // Only if the head did not move meanwhile; otherwise the row stays stale for the next read.
    await db().cachedBranch.updateMany({
      where: { id: row.id, headSha: row.headSha },
      data: { aheadBy: d.aheadBy, behindBy: d.behindBy, additions: added, deletions: removed, statusAt: new Date(), statusStale: false, backoffUntil: null },
    });
  } catch (err) {
    // The branch or main moved since they were read: the row stays stale for the next read, no back-off.
    if (err instanceof BranchMoved) return;
    console.warn(`[quorum] branch status of ${row.repo}:${row.name} failed`, err instanceof Error ? err.message : err);
    await db().cachedBranch.update({ where: { id: row.id }, data: { backoffUntil: new Date(Date.now() + BACKOFF_MS) } });
  }
}

/** Recomputes the status of this RFC's open branches (public and private) that are due (or all, with `force`); `names` are display names. */
export async function refreshBranchStatuses(rfc: RfcContext, opts: { force?: boolean; names?: string[] } = {}): Promise<number> {
  const rows = await db().cachedBranch.findMany({
    where: { home: repoNameOf(rfc.home), rfcSlug: rfc.slug, state: "open", ...(opts.names ? { displayName: { in: opts.names } } : {}) },
  });
  const due = rows.filter((b) => opts.force || isStatusDue(b));
  if (!due.length) return 0;
  const main = await getBranch(repoOf(rfc.home), "main");
  const mainSha = main?.commit?.id;
  if (!mainSha) return 0;
  for (let i = 0; i < due.length; i += CONCURRENCY) {
    await Promise.all(due.slice(i, i + CONCURRENCY).map((row) => computeOne(rfc, row, mainSha)));
  }
  return due.length;
}
