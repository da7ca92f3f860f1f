import "server-only";
import type { GitWrite } from "@prisma/client";
import { db } from "@/lib/db/client";
import { parseObject } from "@/lib/db/json";

// The write journal (issue 13 item 4): a row per Git write the app begins,
// written before the write and settled after it. `open` until the commit is
// known and everything after it (the database, the cache) is done; then
// `settled` with the answer given, or `failed` when nothing landed. A retry
// of the same request finds its row by key; the reconciler settles what a
// crash left open (settle-open.ts).

export type WriteKind = "accept" | "flush" | "merge" | "move";

export type WriteStart = {
  key: string;
  kind: WriteKind;
  rfcSlug: string;
  branch: string;
  repo: string;
  ref: string;
  baseSha: string | null;
  userId: number | null;
  request: Record<string, unknown>;
};

export const findWrite = (key: string) => db().gitWrite.findUnique({ where: { key } });

/**
 * Opens the journal row of a write about to happen. A row that failed
 * before (nothing landed) is opened again; an open or settled one is
 * returned as it is, for the caller to settle or answer from.
 */
export async function openWrite(start: WriteStart): Promise<GitWrite> {
  const data = { ...start, request: JSON.stringify(start.request), state: "open", commitSha: null, result: null, error: null };
  const existing = await findWrite(start.key);
  if (!existing) return db().gitWrite.create({ data });
  if (existing.state !== "failed") return existing;
  return db().gitWrite.update({ where: { id: existing.id }, data });
}

/** The commit is known (it landed): settling may still be ahead. */
export async function noteCommit(id: string, commitSha: string): Promise<void> {
  await db().gitWrite.update({ where: { id }, data: { commitSha } });
}

/** A write of several steps got this far (a move's copy): its commit and what settling it needs, while it stays open. */
export async function noteProgress(id: string, commitSha: string, progress: unknown): Promise<void> {
  await db().gitWrite.updateMany({ where: { id, state: "open" }, data: { commitSha, result: JSON.stringify(progress) } });
}

/** Settled once: false when someone else (a retry, the reconciler) settled it first. */
export async function settleWrite(id: string, commitSha: string | null, result: unknown): Promise<boolean> {
  const res = await db().gitWrite.updateMany({ where: { id, state: "open" }, data: { state: "settled", commitSha, result: JSON.stringify(result), error: null } });
  return res.count === 1;
}

/** Nothing landed: a retry may start over. */
export async function failWrite(id: string, error: string): Promise<void> {
  await db().gitWrite.updateMany({ where: { id, state: "open" }, data: { state: "failed", error: error.slice(0, 2000) } });
}

export const requestOf = <T extends object>(row: GitWrite) => parseObject<Partial<T>>(row.request, {});
export function resultOf<T extends object>(row: GitWrite): T | null {
  const value = parseObject<Partial<T>>(row.result, {});
  return row.result && Object.keys(value).length ? (value as T) : null;
}

/** Change ids of accepts still open on a branch: §8.11's stale rule leaves them alone until settled. */
export async function changesBeingAccepted(rfcSlug: string, branch: string): Promise<Set<string>> {
  const rows = await db().gitWrite.findMany({ where: { rfcSlug, branch, kind: "accept", state: "open" }, select: { request: true } });
  return new Set(rows.flatMap((r) => parseObject<{ changeIds?: string[] }>(r.request, {}).changeIds ?? []));
}

/** Writes left open that no request is settling: older than `olderThanMs`, or begun before this process started. */
export async function openWritesToSettle(olderThanMs: number, processStartedAt: Date): Promise<GitWrite[]> {
  const cutoff = new Date(Math.max(Date.now() - olderThanMs, 0));
  return db().gitWrite.findMany({
    where: { state: "open", OR: [{ updatedAt: { lte: cutoff } }, { createdAt: { lt: processStartedAt } }] },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
}

/** Settled and failed rows only need to outlive a retry: the sweep drops them after a day. */
export async function pruneWrites(): Promise<void> {
  await db().gitWrite.deleteMany({ where: { state: { in: ["settled", "failed"] }, updatedAt: { lt: new Date(Date.now() - 86_400_000) } } });
}
