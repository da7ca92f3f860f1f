import type { MetaPrKind } from "@/lib/entries";
import { commentOnIssue } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { deleteBranchAsBot } from "./delete-branch";
import { metaRepo } from "./meta-entry";
import { dropsBranchWhenSettled, KIND_LABEL, loadOpenMetaPr } from "./meta-pr";
import { closePullRequest } from "./pull-requests";
import { onBehalfOf, trailerBlock } from "./trailers";

export type CloseMetaPrResult = { prNumber: number; kind: MetaPrKind; slug: string };

/**
 * Closes a meta PR without merging (a declined idea, a withdrawn claim or
 * metadata change, an abandoned body edit). The reason goes into the audit
 * row and, so people reading Gitea see it too, a PR comment.
 */
export async function closeMetaPr(args: {
  actor: BotActor;
  number: number;
  reason?: string;
  expectKind?: MetaPrKind;
}): Promise<CloseMetaPrResult> {
  const { pr, head } = await loadOpenMetaPr(args.number);
  if (args.expectKind && head.kind !== args.expectKind) {
    throw new AppError("unprocessable", `Meta PR #${args.number} is a ${KIND_LABEL[head.kind]}, not a ${KIND_LABEL[args.expectKind]}`);
  }
  const repo = metaRepo();
  const reason = args.reason?.trim() ?? "";
  if (reason) {
    const verb = head.kind === "idea" ? "Declined" : "Closed";
    // Best effort: the audit row is the record; a Gitea without issue comments
    // (or a failing one) must not stop the decline.
    await commentOnIssue(repo, args.number, `${verb}: ${reason}\n\n${trailerBlock([onBehalfOf(args.actor)])}\n`).catch((err: unknown) =>
      console.warn(`[quorum] could not comment on meta PR #${args.number}:`, err instanceof Error ? err.message : err),
    );
  }
  const kind = head.kind === "idea" ? "decline_idea" : `close_${head.kind}`;
  await closePullRequest({
    repo,
    number: args.number,
    actor: args.actor,
    audit: { kind, rfcSlug: head.slug, details: { reason, title: pr.title, head: pr.head?.ref } },
  });
  if (dropsBranchWhenSettled(head) && pr.head?.ref) {
    await deleteBranchAsBot({
      repo,
      name: pr.head.ref,
      actor: args.actor,
      audit: { kind: "delete_branch", rfcSlug: head.slug, details: { after: kind, prNumber: args.number } },
    });
  }
  return { prNumber: args.number, kind: head.kind, slug: head.slug };
}
