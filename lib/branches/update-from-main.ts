import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { closePullRequest, mergePullRequest, openPullRequest } from "@/lib/bot/pull-requests";
import { withBranchLock } from "@/lib/branches/lock";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { getBranch, GiteaError, readFile } from "@/lib/gitea";
import { joinSegments, mergeSegments } from "@/lib/markdown/merge-blocks";
import { gitMergesCleanly } from "@/lib/markdown/line-merge";
import { AppError } from "@/lib/http/errors";
import { documentPath, readDocumentAt } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { repoOf, type RfcContext } from "@/lib/rfcs/context";
import { updatePrivateFromMain } from "@/lib/private/update-private";
import { postSystemMessage } from "@/lib/threads/messages";
import type { BranchContext } from "./context";
import { BranchMoved, divergence } from "./merge-base";
import { mergeResolved } from "./merge-resolved";
import { mergeConflict } from "./resolve-conflict";

export type UpdateResult = { merged: boolean; behindBy: number; commitSha: string | null; staleChangeIds: string[] };

/** The person's text for the document, resolved in the view against these two heads (§12). */
export type Resolution = { mainSha: string; headSha: string; text: string };

/**
 * §12 "update from main": a bot merge of main into the branch. The document
 * is merged three-way first, block by block (base = merge base; the one
 * merge, lib/markdown/merge-blocks.ts). Where both sides changed the same
 * block the 409 carries the merge's pieces (`resolve`: each conflict with
 * base, branch and main, and the heads they were read at) for the
 * resolution view, and nothing is written; the person's resolved text comes
 * back as `resolution`, checked against the same heads. When only one side
 * changed the document, Gitea merges a short-lived PR main → branch; when
 * both did, the branch gets the merged text through merge-resolved.ts,
 * since Git's line merge refuses neighbouring edits the block merge takes.
 * Either way a real merge commit: Git then knows main is in the branch
 * ("behind by 0") and later PRs diff from the new base.
 */
export async function updateFromMain(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor; resolution?: Resolution }): Promise<UpdateResult> {
  return withBranchLock(args.rfc.slug, args.branch.name, () => update(args));
}

async function update(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor; resolution?: Resolution }): Promise<UpdateResult> {
  const { rfc, branch, actor, resolution } = args;
  if (branch.isMain || branch.state === "deleted") throw new AppError("conflict", "Only an open branch can be updated from main");
  if (branch.place.private) return updatePrivateFromMain(args);
  const repo = repoOf(rfc.home);
  const [main, head] = await Promise.all([getBranch(repo, "main"), getBranch(repo, branch.ref)]);
  const mainSha = main?.commit?.id;
  const headSha = head?.commit?.id;
  if (!mainSha || !headSha) throw new AppError("not_found", "Branch not found");
  const d = await divergence(repo, { base: "main", head: branch.ref }, { base: mainSha, head: headSha }).catch((err: unknown) => {
    if (err instanceof BranchMoved) throw new AppError("conflict", `${err.branch === "main" ? "main" : branch.name} changed while it was being compared; try again`);
    throw err;
  });
  if (d.behindBy === 0) return { merged: false, behindBy: 0, commitSha: null, staleChangeIds: [] };

  const path = documentPath(rfc.home);
  const [base, ours, theirs] = await Promise.all([d.mergeBase, headSha, mainSha].map((sha) => readFile(repo, path, sha)));
  const sides = { base: base?.text ?? "", ours: ours?.text ?? "", theirs: theirs?.text ?? "" };
  const { text, byPerson } = mergedText({ name: branch.name, path, mainSha, headSha, sides, resolution });
  // Git merges the document itself unless both sides changed it and Git's
  // line merge would refuse (neighbouring lines), or the person resolved it.
  const gitText = sides.ours === sides.base ? sides.theirs : sides.ours;
  const oneSided = sides.ours === sides.base || sides.theirs === sides.base;
  const asIs = byPerson ? oneSided && text === gitText : gitMergesCleanly(sides.base, sides.ours, sides.theirs);
  const resolved = () => {
    if (!ours || !theirs) throw new AppError("conflict", `${path} is missing on main or on ${branch.name}`, { files: [] });
    const head = { sha: headSha, text: sides.ours, blobSha: ours.sha };
    const mainSide = { sha: mainSha, text: sides.theirs, blobSha: theirs.sha };
    return mergeResolved({ repo, ref: branch.ref, name: branch.name, path, head, main: mainSide, text, behindBy: d.behindBy, slug: rfc.slug, actor }).then((r) => r.prNumber);
  };
  let number: number;
  if (!asIs) number = await resolved();
  else {
    try {
      number = await mergeMainAsIs({ rfc, branch, actor, mainSha, behindBy: d.behindBy });
    } catch (err) {
      // Git refused what the block merge took: bring both sides to the merged text instead.
      if (!(err instanceof AppError && err.code === "conflict") || oneSided) throw err;
      number = await resolved();
    }
  }
  const after = await readDocumentAt(branch.place);
  await postSystemMessage({
    slug: rfc.slug,
    branch: branch.name,
    body: `${actor.name} updated ${branch.name} from main (${d.behindBy} commit${d.behindBy === 1 ? "" : "s"})`,
    details: { kind: "update_from_main", login: actor.login, commitSha: after.headSha, behindBy: d.behindBy },
  });
  const staleChangeIds = await markStaleChanges({ slug: rfc.slug, branch: branch.name, text: after.text });
  await refreshAfterWrite(rfc.home, { pulls: [number] });
  return { merged: true, behindBy: 0, commitSha: after.headSha, staleChangeIds };
}

/**
 * The document the merge will hold: the person's resolution when it was made
 * against these heads, else the block merge; a 409 with the pieces to
 * resolve otherwise (lib/branches/resolve-conflict.ts).
 */
function mergedText(a: { name: string; path: string; mainSha: string; headSha: string; sides: { base: string; ours: string; theirs: string }; resolution?: Resolution }): { text: string; byPerson: boolean } {
  const r = a.resolution;
  if (r && r.mainSha === a.mainSha && r.headSha === a.headSha) return { text: r.text, byPerson: true };
  const segments = mergeSegments(a.sides.base, a.sides.ours, a.sides.theirs);
  if (!segments.some((g) => g.kind === "conflict")) return { text: joinSegments(segments, []), byPerson: false };
  throw mergeConflict({ name: a.name, path: a.path, mainSha: a.mainSha, headSha: a.headSha, segments, moved: !!a.resolution });
}

/** Only one side changed the document: Gitea merges main into the branch through a helper PR. */
async function mergeMainAsIs(a: { rfc: RfcContext; branch: BranchContext; actor: BotActor; mainSha: string; behindBy: number }): Promise<number> {
  const { rfc, branch, actor, mainSha, behindBy } = a;
  const repo = repoOf(rfc.home);
  const pr = await openPullRequest({
    repo,
    head: "main",
    base: branch.ref,
    title: `Update ${branch.name} from main`,
    description: `Merges main into ${branch.name} (${behindBy} commit${behindBy === 1 ? "" : "s"} behind).`,
    actor,
    audit: { kind: "update_from_main_pr", rfcSlug: rfc.slug, details: { branch: branch.name, behindBy } },
  });
  const number = pr.number ?? 0;
  try {
    await mergePullRequest({
      repo,
      number,
      title: `Merge main into ${branch.name}`,
      headCommitId: mainSha,
      actor,
      audit: { kind: "update_from_main", rfcSlug: rfc.slug, details: { branch: branch.name, mainSha, behindBy } },
    });
  } catch (err) {
    // Another file conflicted, or main moved: report, close the helper PR, never force.
    await closePullRequest({ repo, number, actor, audit: { kind: "update_from_main_abandoned", rfcSlug: rfc.slug } }).catch(() => undefined);
    if (err instanceof GiteaError && [405, 409].includes(err.status)) {
      throw new AppError("conflict", `Gitea could not merge main into ${branch.name}: ${err.message}`, { files: [] });
    }
    throw err;
  }
  return number;
}
