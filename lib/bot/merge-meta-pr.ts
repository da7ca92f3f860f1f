import type { MetaPrKind } from "@/lib/entries";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { metaRepo } from "./meta-entry";
import { dropsBranchWhenSettled, KIND_LABEL, loadOpenMetaPr } from "./meta-pr";
import { mergePullRequest } from "./pull-requests";

// A meta PR's title already names its kind ("Idea: …", "Claim: …", "Metadata: …"):
// the merge title says it once ("Merge idea: …", not "Merge idea: Idea: …").
const KIND_PREFIX = /^\s*(?:idea|claim|metadata|body edit|graduation)\s*:\s*/i;

/** The merge commit's title for a meta PR of `kindLabel`. */
export function metaMergeTitle(kindLabel: string, prTitle: string, number: number): string {
  return `Merge ${kindLabel}: ${prTitle.replace(KIND_PREFIX, "")} (#${number})`;
}

export type MergeMetaPrResult = { prNumber: number; kind: MetaPrKind; slug: string };

/**
 * Merges a meta PR of any §9 kind (idea accepted, claim, metadata, body edit,
 * graduation). The merge message carries On-behalf-of; `head_commit_id`
 * makes Gitea refuse (409) if the branch moved since it was loaded.
 * Who may merge is the caller's check (assertCan "merge_meta_pr").
 */
export async function mergeMetaPr(args: { actor: BotActor; number: number; expectKind?: MetaPrKind }): Promise<MergeMetaPrResult> {
  const { pr, head } = await loadOpenMetaPr(args.number);
  if (args.expectKind && head.kind !== args.expectKind) {
    throw new AppError("unprocessable", `Meta PR #${args.number} is a ${KIND_LABEL[head.kind]}, not a ${KIND_LABEL[args.expectKind]}`);
  }
  await mergePullRequest({
    repo: metaRepo(),
    number: args.number,
    title: metaMergeTitle(KIND_LABEL[head.kind], pr.title || head.slug, args.number),
    headCommitId: pr.head?.sha,
    deleteBranch: dropsBranchWhenSettled(head),
    actor: args.actor,
    audit: { kind: `merge_${head.kind}`, rfcSlug: head.slug, details: { head: pr.head?.ref } },
  });
  return { prNumber: args.number, kind: head.kind, slug: head.slug };
}
