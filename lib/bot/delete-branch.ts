import { deleteBranch, GiteaError, type RepoRef } from "@/lib/gitea";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";

/**
 * Deletes a branch through the bot with its audit row (§6.5). A branch that
 * is already gone is not an error: the outcome the caller wanted holds.
 */
export async function deleteBranchAsBot(args: {
  repo: RepoRef;
  name: string;
  actor: BotActor;
  audit: { kind: string; rfcSlug?: string | null; details?: Record<string, unknown> };
}): Promise<{ deleted: boolean }> {
  try {
    await deleteBranch(args.repo, args.name);
  } catch (err) {
    if (err instanceof GiteaError && err.status === 404) return { deleted: false };
    throw err;
  }
  await recordAction({
    actor: args.actor,
    kind: args.audit.kind,
    rfcSlug: args.audit.rfcSlug,
    branch: args.name,
    repo: `${args.repo.owner}/${args.repo.repo}`,
    details: { ...args.audit.details },
  });
  return { deleted: true };
}
