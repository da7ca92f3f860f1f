import "server-only";
import type { GitWrite } from "@prisma/client";
import type { BotActor } from "@/lib/bot/actor";
import type { BranchPlace } from "@/lib/branches/place";
import { markStaleChanges, rewroteBy } from "@/lib/changes/mark-stale";
import { db } from "@/lib/db/client";
import { listCommitsSince, mayHaveLanded } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { readDocumentAtCommit } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { changeViews, type ChangeView } from "@/lib/threads/views";
import { crashPoint } from "@/lib/writes/crash-point";
import { findLanded, namesChanges, type Landed } from "@/lib/writes/find-landed";
import { failWrite, findWrite, noteCommit, openWrite, requestOf, resultOf, settleWrite } from "@/lib/writes/journal";
import { acceptKey } from "@/lib/writes/keys";
import { commitChanges, type Committed, type ToCommit } from "./commit-changes";
import type { DecisionScope } from "./load";
import { markAccepted } from "./status";

// An accept (one change or a batch) that never half-happens (issue 13
// item 4): a journal row before the commit; after it, the changes are
// recorded accepted with the commit, the stale rule runs and the cache
// notes the head — and if anything after the commit fails (its answer, the
// database, the process), the row stays open and the commit is found again
// by its Change-Id trailers, by a retry of the request or by the reconciler.

type AcceptRequest = { place: BranchPlace; changeIds: string[]; editedText: string | null };
export type AcceptWriteResult = { changeIds: string[]; commitSha: string; staleChangeIds: string[] };
export type AcceptAnswer = { changes: ChangeView[]; commitSha: string; staleChangeIds: string[] };

/** The answer to the request, from the write's result: the changes as they are now (accepted with that commit). */
export async function answerOf(result: AcceptWriteResult): Promise<AcceptAnswer> {
  const rows = await db().change.findMany({ where: { id: { in: result.changeIds } } });
  const ordered = result.changeIds.map((id) => rows.find((r) => r.id === id)).filter((r): r is NonNullable<typeof r> => !!r);
  return { changes: await changeViews(ordered), commitSha: result.commitSha, staleChangeIds: result.staleChangeIds };
}

/** Everything after the commit, idempotent: the changes accepted with it, §8.11 for the rest, the cache. */
async function settleAccept(w: GitWrite, landed: Landed & { text?: string; before?: string }): Promise<AcceptWriteResult> {
  const { place, changeIds = [], editedText = null } = requestOf<AcceptRequest>(w);
  if (!place) throw new Error(`write ${w.id} has no place`);
  const text = landed.text ?? (await readDocumentAtCommit(place, landed.commitSha))?.text;
  if (text === undefined) throw new AppError("upstream", `The commit ${landed.commitSha.slice(0, 10)} of the accept cannot be read`);
  await noteCommit(w.id, landed.commitSha);
  const rows = await db().change.findMany({ where: { id: { in: changeIds } } });
  for (const row of rows) {
    if (row.status === "accepted" && row.commitSha === landed.commitSha) continue;
    await markAccepted(row, { userId: w.userId ?? 0, commitSha: landed.commitSha, editedText: changeIds.length === 1 ? editedText : null });
  }
  // The text the commit replaced, so a pending change overlapping it turns stale too (mark-stale.ts).
  const parentSha = landed.before !== undefined ? null : (landed.parentSha ?? (await listCommitsSince(place.repo, landed.commitSha, null, 1))[0]?.parents[0] ?? null);
  const before = landed.before ?? (parentSha ? (await readDocumentAtCommit(place, parentSha))?.text : undefined);
  const rewrote = before === undefined ? undefined : rewroteBy(before, rows.map((r) => r.original));
  const staleChangeIds = await markStaleChanges({ slug: w.rfcSlug, branch: w.branch, text, exclude: changeIds, rewrote });
  await refreshAfterWrite(place, landed.parentSha ? { head: { from: landed.parentSha, to: landed.commitSha } } : {});
  const result = { changeIds, commitSha: landed.commitSha, staleChangeIds };
  if (!(await settleWrite(w.id, landed.commitSha, result))) return (resultOf<AcceptWriteResult>((await findWrite(w.key))!) ?? result);
  return result;
}

/**
 * Settles an accept left open (a lost answer, a crash): accepted with its
 * commit when Git holds one naming its changes, else failed (nothing
 * landed). Null when it failed. Throws when Gitea cannot tell yet.
 */
export async function settleOpenAccept(w: GitWrite): Promise<AcceptWriteResult | null> {
  const { changeIds = [] } = requestOf<AcceptRequest>(w);
  const landed = w.commitSha ? { commitSha: w.commitSha, parentSha: null } : await findLanded(w, namesChanges(changeIds));
  if (!landed) {
    await failWrite(w.id, "No commit of this accept reached the branch.");
    return null;
  }
  return settleAccept(w, landed);
}

/**
 * "A retry of the same request returns the first result": the earlier
 * accept of exactly these changes by this person (with the same edit),
 * settled first if it was left open — only under the branch lock
 * (`underLock`), where no request is still writing it. Null when there is
 * none to answer from.
 */
export async function priorAccept(changeIds: string[], userId: number, editedText: string | null, underLock: boolean): Promise<AcceptWriteResult | null> {
  let w = await findWrite(acceptKey(changeIds));
  if (!w || w.userId !== userId || (requestOf<AcceptRequest>(w).editedText ?? null) !== editedText) return null;
  if (w.state === "open" && underLock) {
    try {
      await settleOpenAccept(w);
    } catch (err) {
      if (!mayHaveLanded(err)) throw err;
      throw new AppError("upstream", "Gitea cannot tell yet whether this accept's commit landed; try again in a moment.");
    }
    w = await findWrite(w.key);
  }
  return w?.state === "settled" ? resultOf<AcceptWriteResult>(w) : null;
}

/** The journaled commit of `items` and everything after it (see the top of this file). */
export async function writeAccept(args: { scope: DecisionScope; actor: BotActor; userId: number; items: ToCommit[]; editedText: string | null }): Promise<AcceptWriteResult> {
  const { scope, items } = args;
  const { rfc, branch } = scope;
  const changeIds = items.map((i) => i.row.id);
  const { place } = branch;
  const request: AcceptRequest = { place, changeIds, editedText: args.editedText };
  const w = await openWrite({
    key: acceptKey(changeIds), kind: "accept", rfcSlug: rfc.slug, branch: branch.name, repo: place.repoName, ref: place.ref,
    baseSha: branch.headSha, userId: args.userId, request,
  });
  crashPoint("accept:before-write");
  let committed: Committed;
  try {
    committed = await commitChanges({ place, cachedHead: branch.headSha, actor: args.actor, items });
  } catch (err) {
    if (!mayHaveLanded(err)) {
      await failWrite(w.id, err instanceof Error ? err.message : String(err));
      throw err;
    }
    // The answer is lost, not necessarily the commit: Git says which.
    const landed = await findLanded(w, namesChanges(changeIds)).catch(() => undefined);
    if (landed === undefined) throw new AppError("upstream", "Gitea did not confirm the commit and cannot be asked now; Quorum will check it, or try again in a moment.");
    if (!landed) {
      await failWrite(w.id, err instanceof Error ? err.message : String(err));
      throw err;
    }
    crashPoint("accept:after-write");
    return settleAccept(w, landed);
  }
  crashPoint("accept:after-write");
  return settleAccept(w, committed);
}
