import type { BotActor } from "@/lib/bot/actor";
import type { EntryAtRef } from "@/lib/bot/meta-entry";
import { GiteaError, mayHaveLanded, type RepoRef } from "@/lib/gitea";
import { toAppError } from "@/lib/http/to-app-error";

/** Everything the five steps need, fixed when POST accepted the graduation. */
export type GraduationPlan = {
  graduationId: number;
  slug: string;
  rfcId: string;
  /** The new per-RFC repo. */
  repo: RepoRef;
  meta: RepoRef;
  actor: BotActor;
  /** The entry as read from the meta repo's main at POST time: its sha guards step 3. */
  entry: EntryAtRef;
};

/**
 * What the run has changed in Gitea so far. Rollback reads this, not the
 * step list: a failed step may still have left something behind (step 3
 * creates its branch before the PR that fails).
 */
export type Effects = {
  repoCreated: boolean;
  branchCreated: boolean;
  prNumber: number | null;
  prHeadSha: string | null;
  merged: boolean;
};

export type RunContext = { plan: GraduationPlan; effects: Effects };

export const fullName = (r: RepoRef) => `${r.owner}/${r.repo}`;

/**
 * A failure as a person reads it in the step list: Gitea's answer with the
 * call it answered (the admin needs both); anything else through the one
 * error policy, so an unexpected error is logged and not shown raw.
 */
export function describeError(err: unknown): string {
  if (err instanceof GiteaError) return `Gitea answered ${err.status || "nothing"} to "${err.operation}": ${err.message}`;
  return toAppError(err, "graduation step").message;
}

/** No answer or a 5xx: the write may have happened although the call failed. */
export const isAmbiguous = mayHaveLanded;
