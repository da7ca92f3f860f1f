import "server-only";
import { recordAction } from "@/lib/bot/audit";
import { notifyGraduated } from "@/lib/notifications/events";
import { crashPoint } from "@/lib/writes/crash-point";
import { describeError, fullName, type GraduationPlan, type RunContext } from "./context";
import { rollback } from "./rollback";
import { FORWARD } from "./steps";
import type { GraduationTracker } from "./tracker";
import { FORWARD_STEPS, type GraduationSnapshot } from "./types";

/**
 * Runs §13.3's five steps in order, streaming each transition through the
 * tracker. A failure before the merge marks the later steps not-reached and
 * rolls back; a failure after it (the cache refresh) undoes nothing, since
 * the reconciler catches up and the merge is final (§13.5).
 */
export async function runGraduation(plan: GraduationPlan, tracker: GraduationTracker): Promise<GraduationSnapshot> {
  const ctx: RunContext = {
    plan,
    effects: { repoCreated: false, branchCreated: false, prNumber: null, prHeadSha: null, merged: false },
  };
  const started = Date.now();
  const audit = { actor: plan.actor, rfcSlug: plan.slug, repo: fullName(plan.repo) };

  for (const key of FORWARD_STEPS) {
    await tracker.start(key);
    crashPoint(`graduation:${key}:before`);
    try {
      const detail = await FORWARD[key](ctx);
      crashPoint(`graduation:${key}:after`); // the step's Gitea work is done, the row does not say so yet
      await tracker.done(key, detail);
    } catch (err) {
      const detail = describeError(err);
      if (ctx.effects.merged) {
        await tracker.fail(key, `${detail}. Nothing is undone: the catalog catches up with the next sweep.`);
        continue;
      }
      await tracker.fail(key, detail);
      await tracker.markNotReached();
      const failedUndos = await rollback(ctx, tracker);
      await recordAction({
        ...audit,
        kind: "graduate_rollback",
        prNumber: ctx.effects.prNumber,
        details: {
          graduationId: plan.graduationId,
          rfcId: plan.rfcId,
          failedStep: key,
          error: detail,
          undone: tracker.snapshot.steps.filter((s) => s.kind === "undo" && s.status === "done").map((s) => s.key),
          failedUndos,
          durationMs: Date.now() - started,
        },
      });
      await tracker.finish(failedUndos.length ? "rollback_failed" : "rolled_back");
      return tracker.snapshot;
    }
  }

  await recordAction({
    ...audit,
    kind: "graduate_complete",
    prNumber: ctx.effects.prNumber,
    details: { graduationId: plan.graduationId, rfcId: plan.rfcId, durationMs: Date.now() - started },
  });
  await tracker.finish("succeeded");
  const { owners, proposedBy } = plan.entry.entry;
  await notifyGraduated({ slug: plan.slug, rfcId: plan.rfcId, owners, proposedBy: proposedBy || null, graduationId: plan.graduationId, actor: plan.actor });
  return tracker.snapshot;
}
