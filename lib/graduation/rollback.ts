import "server-only";
import { deleteBranchAsBot } from "@/lib/bot/delete-branch";
import { closePullRequest } from "@/lib/bot/pull-requests";
import { deleteRfcRepo } from "@/lib/bot/rfc-repo";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { metaBranch } from "@/lib/entries";
import { GiteaError } from "@/lib/gitea";
import { describeError, fullName, type Effects, type RunContext } from "./context";
import type { GraduationTracker } from "./tracker";
import type { UndoStepKey } from "./types";

// §13.3: a failed step undoes what the run changed, newest first, each undo
// a visible step. The seed commit needs no undo of its own: it lives in the
// repo that undo_create_repo deletes. §13.5: nothing is undone after the merge.

export function undoPlan(effects: Effects): UndoStepKey[] {
  if (effects.merged) return [];
  const steps: UndoStepKey[] = [];
  if (effects.prNumber !== null || effects.branchCreated) steps.push("undo_open_pr");
  if (effects.repoCreated) steps.push("undo_create_repo");
  return steps;
}

async function undoOpenPr({ plan, effects }: RunContext): Promise<string> {
  const done: string[] = [];
  if (effects.prNumber !== null) {
    try {
      await closePullRequest({
        repo: plan.meta,
        number: effects.prNumber,
        actor: plan.actor,
        audit: { kind: "graduate_close_pr", rfcSlug: plan.slug, details: { reason: "graduation rollback" } },
      });
    } catch (err) {
      // 404: Gitea has no such PR, so there is nothing left open to close.
      if (!(err instanceof GiteaError && err.status === 404)) throw err;
    }
    done.push(`closed PR #${effects.prNumber}`);
    // §4.1: the app's own write shows at once, not when the webhook lands.
    await enqueueRefresh(fullName(plan.meta), { pulls: [effects.prNumber] });
  }
  const branch = metaBranch.graduate(plan.slug);
  await deleteBranchAsBot({
    repo: plan.meta,
    name: branch,
    actor: plan.actor,
    audit: { kind: "graduate_delete_branch", rfcSlug: plan.slug, details: { reason: "graduation rollback" } },
  });
  done.push(`deleted ${branch}`);
  return done.join(", ");
}

async function undoCreateRepo({ plan }: RunContext): Promise<string> {
  await deleteRfcRepo({
    repo: plan.repo,
    actor: plan.actor,
    audit: { kind: "graduate_delete_repo", rfcSlug: plan.slug, details: { reason: "graduation rollback" } },
  });
  return `Deleted ${fullName(plan.repo)}`;
}

const UNDO: Record<UndoStepKey, (ctx: RunContext) => Promise<string>> = {
  undo_open_pr: undoOpenPr,
  undo_create_repo: undoCreateRepo,
};

/**
 * Runs every undo even when one fails (deleting the repo still matters if
 * the PR would not close). Answers the keys that failed.
 */
export async function rollback(ctx: RunContext, tracker: GraduationTracker): Promise<UndoStepKey[]> {
  const keys = undoPlan(ctx.effects);
  for (const key of keys) await tracker.addUndo(key);
  const failed: UndoStepKey[] = [];
  for (const key of keys) {
    await tracker.start(key);
    try {
      await tracker.done(key, await UNDO[key](ctx));
    } catch (err) {
      failed.push(key);
      await tracker.fail(key, describeError(err));
    }
  }
  return failed;
}
