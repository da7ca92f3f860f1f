import "server-only";
import type { Commit } from "gitea-js";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { composeMessage, onBehalfOf } from "@/lib/bot/trailers";
import type { BranchContext } from "@/lib/branches/context";
import { deleteCutTag, writeCutTag } from "@/lib/branches/cut-tag";
import { homeRepoName, mainPlace, privatePlace, publicPlace, type BranchPlace } from "@/lib/branches/place";
import { withBranchLock } from "@/lib/branches/lock";
import { db } from "@/lib/db/client";
import { countCommits, createBranch, deleteBranch, getBranch, GiteaError, listCommits, listPulls, readFile, type RepoRef } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { documentPath } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { RfcContext } from "@/lib/rfcs/context";
import { postSystemMessage } from "@/lib/threads/messages";
import { readPrivateLine } from "./base";
import { ensureCompanion } from "./companion-repo";
import { remapCommitShas } from "./remap-shas";
import { loadSourceCommits, replayOnto, type Replayed } from "./replay";
import { startPrivateBranch } from "./start";

// §8.3 flipping a branch between public and private moves it (README "What
// private means"): private → into its creator's private companion repo,
// public → back into the RFC's repo, its commits copied (lib/private/replay)
// onto the branch's base. The old place is deleted only after the copy is
// complete and the app row says where the branch is; if the branch moved
// meanwhile, the copy is removed and nothing changed (409). Pending changes
// stay valid (the text is the same); the SHAs the app stored follow.

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
  const baseFile = await fileOrEmpty(home.repo, path, base);
  const startSha = await startPrivateBranch({
    place: to,
    baseSha: base,
    fileText: baseFile.text,
    actor,
    body: `${actor.name} made ${branch.name} private; its commits follow, copied from ${from.repoName}.`,
    audit: { kind: "start_private_branch", rfcSlug: rfc.slug },
  });
  const replayed = await copyOrUndo(to, async () => {
    const start = await fileOrEmpty(to.repo, path, startSha);
    const source = await loadSourceCommits(from.repo, path, own);
    const final = await fileOrEmpty(from.repo, path, head);
    return replayOnto({ repo: to.repo, ref: to.ref, path, headSha: startSha, blobSha: start.sha, fileText: start.text }, source, final.text, alignWith(actor));
  });
  return finish({ rfc, branch, actor }, { from, to, head, base, creator, replayed, commits: own.length });
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
  await createBranch(to.repo, to.ref, line.base);
  const replayed = await copyOrUndo(to, async () => {
    const baseFile = await fileOrEmpty(to.repo, path, line.base);
    const source = await loadSourceCommits(from.repo, path, line.commits);
    const final = await fileOrEmpty(from.repo, path, head);
    const out = await replayOnto({ repo: to.repo, ref: to.ref, path, headSha: line.base, blobSha: baseFile.sha, fileText: baseFile.text }, source, final.text, alignWith(actor));
    await writeCutTag(to.repo, to.ref, line.base, creator, actor);
    return out;
  });
  return finish({ rfc, branch, actor }, { from, to, head, base: line.base, creator, replayed, commits: line.commits.length });
}

/** The bot's own commit when the copied commits did not end on the branch's text (a rebase that could not merge cleanly). */
const alignWith = (actor: BotActor) => ({
  message: composeMessage("Carry the document over as it was on the branch", null, [onBehalfOf(actor)]),
  signature: { name: "", email: "", date: "" }, // the bot, now
});

/** Runs the copy; if it fails, the half-made target branch goes again. */
async function copyOrUndo(to: BranchPlace, copy: () => Promise<Replayed>): Promise<Replayed> {
  try {
    return await copy();
  } catch (err) {
    await removeTarget(to);
    throw err;
  }
}

async function removeTarget(to: BranchPlace): Promise<void> {
  await deleteBranch(to.repo, to.ref).catch((e) => console.warn(`[quorum] could not remove ${to.repoName}:${to.ref}:`, e instanceof Error ? e.message : e));
  if (!to.private) await deleteCutTag(to.repo, to.ref).catch(() => undefined);
}

type Moved = { from: BranchPlace; to: BranchPlace; head: string; base: string; creator: string; replayed: Replayed; commits: number };

/** The app row first, then the cache learns the new place, then the old place goes, then the SHAs the app stored follow. */
async function finish({ rfc, branch, actor }: Move, m: Moved): Promise<MoveResult> {
  const { from, to, replayed } = m;
  const key = { rfcSlug_name: { rfcSlug: rfc.slug, name: branch.name } };
  const before = await db().branchMeta.findUnique({ where: key });
  const visibility = to.private ? "private" : "public";
  const row = { visibility, repo: to.repoName, home: homeRepoName(rfc.home), createdBy: m.creator };
  await db().branchMeta.upsert({ where: key, create: { rfcSlug: rfc.slug, name: branch.name, ...row }, update: row });
  await refreshAfterWrite(to);
  const now = (await getBranch(from.repo, from.ref))?.commit?.id;
  if (now !== m.head) {
    await removeTarget(to);
    if (before) await db().branchMeta.update({ where: key, data: { visibility: before.visibility, repo: before.repo, home: before.home, createdBy: before.createdBy } });
    await refreshAfterWrite(to);
    throw new AppError("conflict", `${branch.name} changed while it was being moved; nothing moved, try again`);
  }
  if (!from.private) await deleteCutTag(from.repo, from.ref).catch((e) => console.warn("[quorum] cut tag not removed:", e instanceof Error ? e.message : e));
  try {
    await deleteBranch(from.repo, from.ref);
  } catch (err) {
    if (!(err instanceof GiteaError && err.status === 404)) throw err;
  }
  const map = new Map(replayed.map);
  map.set(m.head, replayed.headSha);
  await remapCommitShas({ slug: rfc.slug, branch: branch.name, map });
  await recordAction({
    actor,
    kind: "branch_visibility",
    rfcSlug: rfc.slug,
    branch: branch.name,
    repo: to.repoName,
    commitSha: replayed.headSha,
    details: { visibility, from: from.repoName, to: to.repoName, base: m.base, commits: m.commits, written: replayed.written, aligned: replayed.aligned, shas: Object.fromEntries(map) },
  });
  await refreshAfterWrite(from);
  const where = to.private ? "a private repository that only its creator, the RFC's owners and arbiters can read" : `${to.repoName}, where everyone can read it`;
  await postSystemMessage({
    slug: rfc.slug,
    branch: branch.name,
    body: `${actor.name} made ${branch.name} ${visibility}: it moved to ${where}`,
    details: { kind: "visibility", login: actor.login, visibility, headSha: replayed.headSha },
  });
  return { moved: true, headSha: replayed.headSha, commits: m.commits };
}
