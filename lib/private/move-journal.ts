import "server-only";
import { randomUUID } from "node:crypto";
import type { GitWrite } from "@prisma/client";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { deleteCutTag } from "@/lib/branches/cut-tag";
import type { BranchPlace } from "@/lib/branches/place";
import { db } from "@/lib/db/client";
import { deleteBranch, getBranch, GiteaError } from "@/lib/gitea";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { postSystemMessage } from "@/lib/threads/messages";
import { failWrite, noteProgress, openWrite, requestOf, resultOf, settleWrite } from "@/lib/writes/journal";
import { moveKey } from "@/lib/writes/keys";
import { remapCommitShas } from "./remap-shas";
import type { Replayed } from "./replay";

// A move between public and private (move-branch.ts) that a crash cannot
// leave half-done (issue 12 item 6): journaled like an accept. The row opens
// before the target branch is made; once the copy is complete its SHA map
// and the app row as it was are noted; then the app row moves, then the old
// place is retired. After a kill -9 the reconciler finishes a move whose app
// row had moved (the old place must not outlive it: a branch made private
// would stay readable in the public repo) and undoes one whose row had not
// (the half-made copy goes, so the next try is not refused).

export type MoveRequest = {
  visibility: "public" | "private";
  from: BranchPlace;
  to: BranchPlace;
  head: string; // the branch's head in `from` when the move began
  base: string;
  creator: string;
  commits: number;
  actor: BotActor;
};
type AppRow = { visibility: string; repo: string | null; home: string | null; createdBy: string };
/** What the copy left: its SHA map and the app row before the move. */
export type MoveCopied = { replayed: { headSha: string; map: [string, string][]; written: number; aligned: boolean }; before: AppRow | null };

const rowKey = (slug: string, branch: string) => ({ rfcSlug_name: { rfcSlug: slug, name: branch } });

export function openMove(slug: string, branch: string, req: MoveRequest): Promise<GitWrite> {
  return openWrite({
    key: moveKey(slug, branch, req.to.repoName, randomUUID()), kind: "move", rfcSlug: slug, branch, repo: req.to.repoName, ref: req.to.ref,
    baseSha: req.head, userId: req.actor.userId, request: req,
  });
}

/** The copy is complete: what finishing or undoing it needs, before the app row moves. */
export async function noteCopied(w: GitWrite, slug: string, replayed: Replayed): Promise<MoveCopied> {
  const before = await db().branchMeta.findUnique({ where: rowKey(slug, w.branch), select: { visibility: true, repo: true, home: true, createdBy: true } });
  const copied: MoveCopied = { replayed: { ...replayed, map: [...replayed.map] }, before };
  await noteProgress(w.id, replayed.headSha, copied);
  return copied;
}

/** The half-made target goes (and its cut tag); a missing one is fine. */
export async function removeTarget(to: BranchPlace): Promise<void> {
  await deleteBranch(to.repo, to.ref).catch((e) => {
    if (!(e instanceof GiteaError && e.status === 404)) console.warn(`[quorum] could not remove ${to.repoName}:${to.ref}:`, e instanceof Error ? e.message : e);
  });
  if (!to.private) await deleteCutTag(to.repo, to.ref).catch(() => undefined);
}

/** Nothing moved: the copy goes and, when the app row had moved, it is put back as it was (or removed, when there was none). */
export async function undoMove(w: GitWrite, req: MoveRequest, rowMoved: { before: AppRow | null } | null, why: string): Promise<void> {
  await removeTarget(req.to);
  if (rowMoved?.before) await db().branchMeta.update({ where: rowKey(w.rfcSlug, w.branch), data: rowMoved.before });
  else if (rowMoved) await db().branchMeta.deleteMany({ where: { rfcSlug: w.rfcSlug, name: w.branch } });
  await refreshAfterWrite(req.to);
  await failWrite(w.id, why);
}

/** After the app row moved, idempotent: the old place goes, the stored SHAs follow, one audit row and one chat note. */
export async function retireOld(w: GitWrite, req: MoveRequest, copied: MoveCopied): Promise<void> {
  const { from, to, actor, visibility } = req;
  const { replayed } = copied;
  if (!from.private) await deleteCutTag(from.repo, from.ref).catch((e) => console.warn("[quorum] cut tag not removed:", e instanceof Error ? e.message : e));
  try {
    await deleteBranch(from.repo, from.ref);
  } catch (err) {
    if (!(err instanceof GiteaError && err.status === 404)) throw err;
  }
  const map = new Map(replayed.map);
  map.set(req.head, replayed.headSha);
  await remapCommitShas({ slug: w.rfcSlug, branch: w.branch, map });
  // Once each, known by the move's journal id: SHAs in earlier notes are remapped, so they cannot tell moves apart.
  const audited = await db().action.findFirst({ where: { kind: "branch_visibility", rfcSlug: w.rfcSlug, branch: w.branch, details: { contains: w.id } }, select: { id: true } });
  if (!audited) {
    await recordAction({
      actor, kind: "branch_visibility", rfcSlug: w.rfcSlug, branch: w.branch, repo: to.repoName, commitSha: replayed.headSha,
      details: { moveId: w.id, visibility, from: from.repoName, to: to.repoName, base: req.base, commits: req.commits, written: replayed.written, aligned: replayed.aligned, shas: Object.fromEntries(map) },
    });
  }
  await refreshAfterWrite(from);
  const threads = await db().thread.findMany({ where: { rfcSlug: w.rfcSlug, branch: w.branch }, select: { id: true } });
  const noted = await db().threadMessage.findFirst({
    where: { threadId: { in: threads.map((t) => t.id) }, authorKind: "system", details: { contains: w.id } },
    select: { id: true },
  });
  if (!noted) {
    const where = to.private ? "a private repository that only its creator, the RFC's owners and arbiters can read" : `${to.repoName}, where everyone can read it`;
    await postSystemMessage({
      slug: w.rfcSlug,
      branch: w.branch,
      body: `${actor.name} made ${w.branch} ${visibility}: it moved to ${where}`,
      details: { kind: "visibility", login: actor.login, visibility, headSha: replayed.headSha, moveId: w.id },
    });
  }
  await settleWrite(w.id, replayed.headSha, { moved: true, headSha: replayed.headSha, commits: req.commits });
}

/**
 * Settles a move a stopped server left open: finished when the app row had
 * moved to the copy (and the old place still holds the head it was copied
 * from, or is gone), else undone. Throws when Gitea cannot answer.
 */
export async function settleOpenMove(w: GitWrite): Promise<boolean> {
  const req = requestOf<MoveRequest>(w) as MoveRequest;
  const copied = resultOf<MoveCopied>(w);
  const row = await db().branchMeta.findUnique({ where: rowKey(w.rfcSlug, w.branch), select: { repo: true } });
  const fromHead = (await getBranch(req.from.repo, req.from.ref))?.commit?.id ?? null;
  if (copied && row?.repo === req.to.repoName && (fromHead === null || fromHead === req.head)) {
    await retireOld(w, req, copied);
    return true;
  }
  await undoMove(w, req, copied && row?.repo === req.to.repoName ? { before: copied.before } : null, "The server stopped before the move was complete; nothing moved.");
  return false;
}
