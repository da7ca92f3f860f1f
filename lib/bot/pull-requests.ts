import type { PullRequest } from "gitea-js";
import { createPull, setPullState, type RepoRef } from "@/lib/gitea";
import { mergeWhenReady } from "@/lib/prs/merge-when-ready";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";
import { composeBody, onBehalfOf, trailerBlock, type Trailers } from "./trailers";

type AuditRef = { kind: string; rfcSlug?: string | null; details?: Record<string, unknown> };

/** Opens a PR through the bot; the body ends with the On-behalf-of trailer (§6.5). */
export async function openPullRequest(args: {
  repo: RepoRef;
  head: string;
  base?: string;
  title: string;
  description?: string;
  trailers?: Trailers;
  actor: BotActor;
  audit: AuditRef;
}): Promise<PullRequest> {
  const body = composeBody([args.description], [...(args.trailers ?? []), onBehalfOf(args.actor)]);
  const pr = await createPull(args.repo, { head: args.head, base: args.base ?? "main", title: args.title, body });
  await recordAction({
    actor: args.actor,
    kind: args.audit.kind,
    rfcSlug: args.audit.rfcSlug,
    branch: args.head,
    repo: `${args.repo.owner}/${args.repo.repo}`,
    prNumber: pr.number ?? null,
    details: { title: args.title, ...args.audit.details },
  });
  return pr;
}

/**
 * Merges through the bot; the merge commit message carries On-behalf-of (§9).
 * While Gitea still checks the PR the merge is retried (merge-when-ready.ts).
 */
export async function mergePullRequest(args: {
  repo: RepoRef;
  number: number;
  title: string;
  style?: "merge" | "squash";
  headCommitId?: string;
  deleteBranch?: boolean;
  actor: BotActor;
  audit: AuditRef;
}): Promise<void> {
  const message = trailerBlock([onBehalfOf(args.actor)]);
  await mergeWhenReady(args.repo, args.number, {
    Do: args.style ?? "merge",
    MergeTitleField: args.title,
    MergeMessageField: message,
    delete_branch_after_merge: args.deleteBranch ?? false,
    ...(args.headCommitId ? { head_commit_id: args.headCommitId } : {}),
  });
  await recordAction({
    actor: args.actor,
    kind: args.audit.kind,
    rfcSlug: args.audit.rfcSlug,
    repo: `${args.repo.owner}/${args.repo.repo}`,
    prNumber: args.number,
    details: { title: args.title, ...args.audit.details },
  });
}

/** Closes a PR without merging (declined idea, withdrawn claim, rollback). */
export async function closePullRequest(args: {
  repo: RepoRef;
  number: number;
  actor: BotActor;
  audit: AuditRef;
}): Promise<void> {
  await setPullState(args.repo, args.number, "closed");
  await recordAction({
    actor: args.actor,
    kind: args.audit.kind,
    rfcSlug: args.audit.rfcSlug,
    repo: `${args.repo.owner}/${args.repo.repo}`,
    prNumber: args.number,
    details: { ...args.audit.details },
  });
}
