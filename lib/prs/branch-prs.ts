import "server-only";
import type { PullRequest } from "gitea-js";
import type { BotActor } from "@/lib/bot/actor";
import { conflictOnExisting } from "@/lib/bot/meta-entry";
import { openBodyEditPr } from "@/lib/bot/open-body-edit-pr";
import { closePullRequest, mergePullRequest, openPullRequest } from "@/lib/bot/pull-requests";
import { displayNameOf } from "@/lib/branches/names";
import type { BranchContext } from "@/lib/branches/context";
import { getPull, GiteaError } from "@/lib/gitea";
import { AppError, notFound } from "@/lib/http/errors";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { writeMerge } from "./merge-write";
import { repoNameOf, repoOf, type RfcContext } from "@/lib/rfcs/context";
import { mergeDecisionOf } from "@/lib/cache/pr-rows";
import { db } from "@/lib/db/client";
import type { MergeState } from "./merge-state";

// §9 PRs from an RFC's branches to main. Active RFC: an `rfc_branch` PR in
// its repo. Super-draft: a `meta_body_edit` PR from `edit/<slug>/<name>` in
// the meta repo. Owners/arbiters (meta: the entry's owners) merge or close;
// the merge message carries On-behalf-of.

export type PrView = {
  number: number;
  title: string;
  state: "open" | "closed" | "merged";
  branch: string | null;
  mergeable: boolean | null;
  mergeState: MergeState | null;
  url: string;
};

/** Whether `pr` of `repo` can merge, from Gitea's answer and what the cache knew of it (merge-state.ts). */
export async function mergeOf(repo: string, pr: PullRequest) {
  const known = await db().cachedPr.findUnique({
    where: { repo_number: { repo, number: pr.number ?? 0 } },
    select: { mergeState: true, mergeCheckKey: true, mergeCheckSince: true },
  });
  return mergeDecisionOf(pr, known);
}

/** The PR as Gitea has it now. */
async function toView(rfc: RfcContext, pr: PullRequest): Promise<PrView> {
  const merge = await mergeOf(repoNameOf(rfc.home), pr);
  return {
    number: pr.number ?? 0,
    title: pr.title ?? "",
    state: pr.merged ? "merged" : pr.state === "closed" ? "closed" : "open",
    branch: displayNameOf(rfc.home, pr.head?.ref ?? ""),
    mergeable: merge.mergeable,
    mergeState: merge.mergeState,
    url: pr.html_url ?? "",
  };
}

export async function openBranchPr(args: { rfc: RfcContext; branch: BranchContext; title: string; description: string; actor: BotActor }): Promise<PrView> {
  const { rfc, branch, actor } = args;
  if (branch.isMain || branch.state === "deleted") throw new AppError("conflict", "Open a PR from an open branch");
  // A PR is public by nature (its head branch is in the RFC's repo): a private branch goes public first (§8.3).
  if (branch.place.private) throw new AppError("conflict", `A pull request is public: make ${branch.name} public first, then open it`, { needsPublic: true });
  let number: number;
  if (rfc.home.kind === "meta") {
    number = (await openBodyEditPr({ actor, slug: rfc.slug, name: branch.name, title: args.title, description: args.description })).prNumber;
  } else {
    const pr = await conflictOnExisting(`A PR from ${branch.name} is already open`, () =>
      openPullRequest({
        repo: repoOf(rfc.home),
        head: branch.ref,
        title: args.title,
        description: args.description,
        actor,
        audit: { kind: "open_rfc_pr", rfcSlug: rfc.slug, details: { branch: branch.name } },
      }),
    );
    number = pr.number ?? 0;
  }
  await refreshAfterWrite(rfc.home, { pulls: [number] });
  return loadPrView(rfc, number);
}

/** An open PR of this RFC to main; 404 for another RFC's PR or a PR that is not to main. */
async function loadOpenPr(rfc: RfcContext, number: number): Promise<PullRequest> {
  const pr = await getPull(repoOf(rfc.home), number);
  const head = pr?.head?.ref ?? "";
  const ours = pr && pr.base?.ref === "main" && head !== "main" && displayNameOf(rfc.home, head) !== null;
  if (!pr || !ours) throw notFound(`No PR #${number} on ${rfc.slug}`);
  if (pr.merged || pr.state !== "open") throw new AppError("conflict", `PR #${number} is already ${pr.merged ? "merged" : "closed"}`);
  return pr;
}

export async function loadPrView(rfc: RfcContext, number: number): Promise<PrView> {
  const pr = await getPull(repoOf(rfc.home), number);
  if (!pr) throw notFound(`No PR #${number}`);
  return toView(rfc, pr);
}

/** A PR of an active RFC's own repo to main (a super-draft's PRs are meta PRs: entry-meta-prs.ts). */
export async function settleBranchPr(args: { rfc: RfcContext; number: number; action: "merge" | "close"; actor: BotActor }): Promise<PrView> {
  const { rfc, number, actor } = args;
  if (rfc.home.kind === "meta") throw new AppError("internal", "a super-draft's PRs are meta PRs (settleEntryMetaPr)");
  if (args.action === "merge") {
    // Journaled (merge-write.ts): a retry of this merge answers as the first did.
    await writeMerge({
      home: rfc.home, number, actor,
      auditKind: "merge_rfc_pr",
      load: () => loadOpenPr(rfc, number),
      merge: (pr) => mergeBranchPr(rfc, pr, actor),
    });
    return loadPrView(rfc, number);
  }
  await loadOpenPr(rfc, number);
  await closePullRequest({ repo: repoOf(rfc.home), number, actor, audit: { kind: "close_rfc_pr", rfcSlug: rfc.slug } });
  await refreshAfterWrite(rfc.home, { pulls: [number] });
  return loadPrView(rfc, number);
}

async function mergeBranchPr(rfc: RfcContext, pr: PullRequest, actor: BotActor): Promise<void> {
  const number = pr.number ?? 0;
  try {
    await mergePullRequest({
      repo: repoOf(rfc.home),
      number,
      title: `Merge ${pr.head?.ref} into main: ${pr.title} (#${number})`,
      headCommitId: pr.head?.sha,
      actor,
      audit: { kind: "merge_rfc_pr", rfcSlug: rfc.slug, details: { head: pr.head?.ref } },
    });
  } catch (err) {
    // 409: the merge itself conflicted (or main moved under it). A 405 never gets here as
    // "update first": mergePullRequest retried it and explained why (merge-when-ready.ts).
    if (err instanceof GiteaError && err.status === 409) {
      if (/head out of date/i.test(err.message)) throw new AppError("conflict", `${pr.head?.ref} changed since #${number} was loaded; reload it and merge again.`);
      throw new AppError("conflict", `Gitea could not merge #${number}: ${err.message}. Update the branch from main first.`);
    }
    throw err;
  }
}
