import "server-only";
import type { GitWrite } from "@prisma/client";
import type { Commit } from "gitea-js";
import type { BotActor } from "@/lib/bot/actor";
import { composeMessage, onBehalfOf } from "@/lib/bot/trailers";
import type { BranchContext } from "@/lib/branches/context";
import { writeCutTag } from "@/lib/branches/cut-tag";
import { homeRepoName, mainPlace, privatePlace, publicPlace, type BranchPlace } from "@/lib/branches/place";
import { withBranchLock } from "@/lib/branches/lock";
import { db } from "@/lib/db/client";
import { countCommits, createBranch, deleteBranch, getBranch, listCommits, listPulls, readFile, type RepoRef } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { documentPath } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { RfcContext } from "@/lib/rfcs/context";
import { crashPoint } from "@/lib/writes/crash-point";
import { failWrite } from "@/lib/writes/journal";
import { readPrivateLine } from "./base";
import { ensureCompanion } from "./companion-repo";
import { noteCopied, openMove, removeTarget, retireOld, undoMove, type MoveRequest } from "./move-journal";
import { loadSourceCommits, replayOnto, type Replayed } from "./replay";
import { startPrivateBranch } from "./start";

// §8.3 flipping a branch between public and private moves it (README "What
// private means"): private → into its creator's private companion repo,
// public → back into the RFC's repo, its commits copied (lib/private/replay)
// onto the branch's base. The old place is deleted only after the copy is
// complete and the app row says where the branch is; if the branch moved
// meanwhile, the copy is removed and nothing changed (409). Pending changes
// stay valid (the text is the same); the SHAs the app stored follow. Each
// move is journaled (move-journal.ts), so a crash at any point of it is
// finished or undone by the reconciler.

export type MoveResult = { moved: boolean; headSha: string | null; commits: number };

type Move = { rfc: RfcContext; branch: BranchContext; actor: BotActor };

export async function setBranchVisibility(args: Move & { visibility: "public" | "private" }): Promise<MoveResult> {
  const { rfc, branch, visibility } = args;
  if (branch.isMain) throw new AppError("forbidden", "Main is always public");
  if (branch.state === "deleted") throw new AppError("conflict", `${branch.name} was deleted; it is read-only now (§11.5)`);
  if (branch.place.private === (visibility === "private")) return { moved: false, headSha: branch.headSha, commits: 0 };
  return withBranchLock(rfc.slug, branch.name, () => (visibility === "private" ? toPrivate(args) : toPublic(args)));
}

const fileOrEmpty = async (repo: RepoRef, path: string, ref: string) => (await readFile(repo, path, ref)) ?? { text: "", sha: "" };

async function headOf(place: BranchPlace): Promise<string> {
  const sha = (await getBranch(place.repo, place.ref))?.commit?.id;
  if (!sha) throw new AppError("not_found", `Branch ${place.name} not found`);
  return sha;
}

/** The merge base among the commits where the branch's own commits start: the one fewest commits behind main. */
async function mergeBaseOf(repo: RepoRef, mainSha: string, own: Commit[]): Promise<string> {
  const inside = new Set(own.map((c) => c.sha));
  const edges = [...new Set(own.flatMap((c) => (c.parents ?? []).map((p) => p.sha ?? "")).filter((p) => p && !inside.has(p)))];
  if (edges.length <= 1) return edges[0] ?? mainSha;
  const behind = await Promise.all(edges.map(async (sha) => ({ sha, n: await countCommits(repo, mainSha, sha) })));
  return behind.sort((a, b) => a.n - b.n)[0].sha;
}

async function toPrivate({ rfc, branch, actor }: Move): Promise<MoveResult> {
  const from = branch.place;
  const home = mainPlace(rfc.home);
  const path = documentPath(rfc.home);
  const pr = (await listPulls(home.repo, "open")).find((p) => p.head?.ref === from.ref);
  if (pr) throw new AppError("conflict", `PR #${pr.number} from ${branch.name} is open, and a pull request is public: close it first, then make the branch private`);
  const [head, mainSha] = await Promise.all([headOf(from), headOf(home)]);
  const own = await listCommits(from.repo, head, { not: mainSha, files: true });
  const foreign = own.filter((c) => (c.parents ?? []).length < 2).flatMap((c) => (c.files ?? []).map((f) => f.filename ?? "")).filter((f) => f !== path);
  if (foreign.length) {
    throw new AppError("conflict", `${branch.name} changes files besides the document (${[...new Set(foreign)].join(", ")}); Quorum moves only the document, so it stays public`);
  }
  const base = own.length ? await mergeBaseOf(home.repo, mainSha, own) : head;
  const creator = branch.scope.createdBy || actor.login;
  const to = privatePlace(rfc.home, branch.name, await ensureCompanion(rfc, creator, actor));
  // A copy left by an earlier attempt that failed half-way: the public branch is still the truth.
  if (await getBranch(to.repo, to.ref)) await deleteBranch(to.repo, to.ref);
  const req: MoveRequest = { visibility: "private", from, to, head, base, creator, commits: own.length, actor };
  return move({ rfc, branch, actor }, req, async () => {
    const baseFile = await fileOrEmpty(home.repo, path, base);
    const startSha = await startPrivateBranch({
      place: to,
      baseSha: base,
      fileText: baseFile.text,
      actor,
      body: `${actor.name} made ${branch.name} private; its commits follow, copied from ${from.repoName}.`,
      audit: { kind: "start_private_branch", rfcSlug: rfc.slug },
    });
    const start = await fileOrEmpty(to.repo, path, startSha);
    const source = await loadSourceCommits(from.repo, path, own);
    const final = await fileOrEmpty(from.repo, path, head);
    return replayOnto({ repo: to.repo, ref: to.ref, path, headSha: startSha, blobSha: start.sha, fileText: start.text }, source, final.text, alignWith(actor));
  });
}

async function toPublic({ rfc, branch, actor }: Move): Promise<MoveResult> {
  const from = branch.place;
  const to = publicPlace(rfc.home, branch.name);
  const path = documentPath(rfc.home);
  if (await getBranch(to.repo, to.ref)) throw new AppError("conflict", `${to.repoName} already has a branch ${to.ref}; rename or delete it in Gitea first`);
  const [head, line, companion] = await Promise.all([
    headOf(from),
    readPrivateLine(from),
    db().cachedPrivateRepo.findUnique({ where: { repo: from.repoName }, select: { creator: true } }),
  ]);
  const creator = branch.scope.createdBy || companion?.creator || actor.login;
  const req: MoveRequest = { visibility: "public", from, to, head, base: line.base, creator, commits: line.commits.length, actor };
  return move({ rfc, branch, actor }, req, async () => {
    await createBranch(to.repo, to.ref, line.base);
    const baseFile = await fileOrEmpty(to.repo, path, line.base);
    const source = await loadSourceCommits(from.repo, path, line.commits);
    const final = await fileOrEmpty(from.repo, path, head);
    const out = await replayOnto({ repo: to.repo, ref: to.ref, path, headSha: line.base, blobSha: baseFile.sha, fileText: baseFile.text }, source, final.text, alignWith(actor));
    await writeCutTag(to.repo, to.ref, line.base, creator, actor);
    return out;
  });
}

/** The bot's own commit when the copied commits did not end on the branch's text (a rebase that could not merge cleanly). */
const alignWith = (actor: BotActor) => ({
  message: composeMessage("Carry the document over as it was on the branch", null, [onBehalfOf(actor)]),
  signature: { name: "", email: "", date: "" }, // the bot, now
});

/** Runs the copy, journaled; if it fails, the half-made target branch goes again. */
async function copyOrUndo(w: GitWrite, to: BranchPlace, copy: () => Promise<Replayed>): Promise<Replayed> {
  try {
    return await copy();
  } catch (err) {
    await removeTarget(to);
    await failWrite(w.id, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/**
 * The copy, then the app row, then the old place retired (move-journal.ts),
 * the cache learning each. If the branch moved meanwhile, the copy goes and
 * nothing changed.
 */
async function move({ rfc, branch }: Move, req: MoveRequest, copy: () => Promise<Replayed>): Promise<MoveResult> {
  const w = await openMove(rfc.slug, branch.name, req);
  const replayed = await copyOrUndo(w, req.to, copy);
  const copied = await noteCopied(w, rfc.slug, replayed);
  crashPoint("move:after-copy"); // the copy is complete, the app row still names the old place
  const key = { rfcSlug_name: { rfcSlug: rfc.slug, name: branch.name } };
  const row = { visibility: req.visibility, repo: req.to.repoName, home: homeRepoName(rfc.home), createdBy: req.creator };
  await db().branchMeta.upsert({ where: key, create: { rfcSlug: rfc.slug, name: branch.name, ...row }, update: row });
  await refreshAfterWrite(req.to);
  crashPoint("move:after-row"); // the app row names the copy, the old place is still there
  const now = (await getBranch(req.from.repo, req.from.ref))?.commit?.id;
  if (now !== req.head) {
    await undoMove(w, req, { before: copied.before }, "The branch changed while it was being moved.");
    throw new AppError("conflict", `${branch.name} changed while it was being moved; nothing moved, try again`);
  }
  await retireOld(w, req, copied);
  return { moved: true, headSha: replayed.headSha, commits: req.commits };
}
