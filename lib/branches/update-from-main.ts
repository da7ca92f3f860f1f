import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { closePullRequest, mergePullRequest, openPullRequest } from "@/lib/bot/pull-requests";
import { withBranchLock } from "@/lib/branches/lock";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { getBranch, GiteaError, readFile } from "@/lib/gitea";
import { mergeBlocks } from "@/lib/markdown/merge-blocks";
import { AppError } from "@/lib/http/errors";
import { documentPath, readDocumentAt } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { repoOf, type RfcContext } from "@/lib/rfcs/context";
import { updatePrivateFromMain } from "@/lib/private/update-private";
import { postSystemMessage } from "@/lib/threads/messages";
import type { BranchContext } from "./context";
import { divergence } from "./merge-base";

export type UpdateResult = { merged: boolean; behindBy: number; commitSha: string | null; staleChangeIds: string[] };

/**
 * §12 "update from main": a bot merge of main into the branch. The document
 * is merged three-way first, block by block (base = merge base; the one
 * merge, lib/markdown/merge-blocks.ts); if the two sides changed the same
 * block the conflicting hunks are reported (409) and nothing is written.
 * A clean merge is made by Gitea itself — a short-lived PR main → branch,
 * merged at once — so the branch gets a real merge commit: Git then knows
 * main is in the branch ("behind by 0") and later PRs diff from the new base,
 * which a contents-API write of the merged text could not give.
 */
export async function updateFromMain(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor }): Promise<UpdateResult> {
  return withBranchLock(args.rfc.slug, args.branch.name, () => update(args));
}

async function update(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor }): Promise<UpdateResult> {
  const { rfc, branch, actor } = args;
  if (branch.isMain || branch.state === "deleted") throw new AppError("conflict", "Only an open branch can be updated from main");
  if (branch.place.private) return updatePrivateFromMain(args);
  const repo = repoOf(rfc.home);
  const [main, head] = await Promise.all([getBranch(repo, "main"), getBranch(repo, branch.ref)]);
  const mainSha = main?.commit?.id;
  const headSha = head?.commit?.id;
  if (!mainSha || !headSha) throw new AppError("not_found", "Branch not found");
  const d = await divergence(repo, mainSha, headSha);
  if (d.behindBy === 0) return { merged: false, behindBy: 0, commitSha: null, staleChangeIds: [] };

  const path = documentPath(rfc.home);
  const [base, ours, theirs] = await Promise.all([d.mergeBase, headSha, mainSha].map((sha) => readFile(repo, path, sha)));
  const merged = mergeBlocks(base?.text ?? "", ours?.text ?? "", theirs?.text ?? "");
  if (!merged.clean) {
    throw new AppError("conflict", `Main and ${branch.name} changed the same paragraphs; resolve on the branch, then update again`, {
      files: [{ path, hunks: merged.conflicts }],
    });
  }

  const pr = await openPullRequest({
    repo,
    head: "main",
    base: branch.ref,
    title: `Update ${branch.name} from main`,
    description: `Merges main into ${branch.name} (${d.behindBy} commit${d.behindBy === 1 ? "" : "s"} behind).`,
    actor,
    audit: { kind: "update_from_main_pr", rfcSlug: rfc.slug, details: { branch: branch.name, behindBy: d.behindBy } },
  });
  const number = pr.number ?? 0;
  try {
    await mergePullRequest({
      repo,
      number,
      title: `Merge main into ${branch.name}`,
      headCommitId: mainSha,
      actor,
      audit: { kind: "update_from_main", rfcSlug: rfc.slug, details: { branch: branch.name, mainSha, behindBy: d.behindBy } },
    });
  } catch (err) {
    // Another file conflicted, or main moved: report, close the helper PR, never force.
    await closePullRequest({ repo, number, actor, audit: { kind: "update_from_main_abandoned", rfcSlug: rfc.slug } }).catch(() => undefined);
    if (err instanceof GiteaError && [405, 409].includes(err.status)) {
      throw new AppError("conflict", `Gitea could not merge main into ${branch.name}: ${err.message}`, { files: [] });
    }
    throw err;
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
