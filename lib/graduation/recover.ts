import "server-only";
import { recordAction } from "@/lib/bot/audit";
import { metaRepo, readEntryOrThrow } from "@/lib/bot/meta-entry";
import { db } from "@/lib/db/client";
import { metaBranch } from "@/lib/entries";
import { getBranch, getRepo, listPulls, splitFullName, type RepoRef } from "@/lib/gitea";
import { describeError, fullName, type Effects, type GraduationPlan, type RunContext } from "./context";
import { tryLockSlug } from "./lock";
import { refreshAfterGraduation } from "./refresh";
import { rollback } from "./rollback";
import { runningGraduations, toSnapshot } from "./store";
import { GraduationTracker } from "./tracker";
import type { GraduationSnapshot, Step } from "./types";

// Issue 12 item 6: a graduation whose server stopped mid-way (kill -9, a
// crash, a deploy) is completed or rolled back once, after the restart.
// The Graduation row says which steps ran; Gitea says what they left: the
// entry on main (merged means §13.5 irreversible: finish forward), the
// graduate/<slug> branch and its PR, the new repo. The RFC's slug lock makes
// it once: a graduation this process runs holds it, and so does a recovery.

const STOPPED = "The server stopped during this step.";

const stepOf = (snap: GraduationSnapshot, key: Step["key"]) => snap.steps.find((s) => s.key === key);
const began = (snap: GraduationSnapshot, key: Step["key"]) => {
  const status = stepOf(snap, key)?.status;
  return status !== undefined && status !== "pending" && status !== "not-reached";
};

/** What the run left in Gitea, read from Gitea (the row may lag the last write before the crash). */
async function probe(snap: GraduationSnapshot, plan: GraduationPlan): Promise<{ merged: boolean; effects: Effects }> {
  const merged = plan.entry.entry.state !== "super-draft" && plan.entry.entry.repo === fullName(plan.repo);
  const branch = metaBranch.graduate(plan.slug);
  const branchCreated = began(snap, "open_pr") && !!(await getBranch(plan.meta, branch));
  const fromDetail = /PR #(\d+)/.exec(stepOf(snap, "open_pr")?.detail ?? "");
  let prNumber = fromDetail ? Number(fromDetail[1]) : null;
  if (prNumber === null && began(snap, "open_pr")) {
    prNumber = (await listPulls(plan.meta, "open")).find((pr) => pr.head?.ref === branch)?.number ?? null;
  }
  // A repo of that name is ours only if the run began creating it and it carries the description it gave it.
  const repo = began(snap, "create_repo") ? await getRepo(plan.repo) : null;
  const repoCreated = !!repo && (repo.description ?? "").startsWith(`${plan.rfcId}:`);
  return { merged, effects: { repoCreated, branchCreated, prNumber, prHeadSha: null, merged } };
}

async function planOf(snap: GraduationSnapshot): Promise<GraduationPlan> {
  const user = await db().user.findUnique({ where: { login: snap.startedBy } });
  return {
    graduationId: snap.graduationId,
    slug: snap.slug,
    rfcId: snap.rfcId,
    repo: splitFullName(snap.repo) as RepoRef,
    meta: metaRepo(),
    actor: { userId: user?.id ?? null, login: snap.startedBy, name: user?.name || snap.startedBy },
    entry: await readEntryOrThrow(snap.slug),
  };
}

async function finishForward(ctx: RunContext, tracker: GraduationTracker): Promise<void> {
  for (const step of tracker.snapshot.steps) {
    if (step.kind === "forward" && step.key !== "refresh_cache" && step.status !== "done") await tracker.done(step.key, "Found done in Gitea after a restart");
  }
  await tracker.start("refresh_cache");
  try {
    await tracker.done("refresh_cache", await refreshAfterGraduation(ctx.plan, ctx.effects.prNumber));
  } catch (err) {
    await tracker.fail("refresh_cache", `${describeError(err)}. Nothing is undone: the catalog catches up with the next sweep.`);
  }
  await recordAction({
    actor: ctx.plan.actor, kind: "graduate_complete", rfcSlug: ctx.plan.slug, repo: fullName(ctx.plan.repo), prNumber: ctx.effects.prNumber,
    details: { graduationId: ctx.plan.graduationId, rfcId: ctx.plan.rfcId, recovered: true },
  });
  await tracker.finish("succeeded");
}

async function rollBack(ctx: RunContext, tracker: GraduationTracker, stoppedAt: string | null): Promise<void> {
  await tracker.markNotReached();
  const failedUndos = await rollback(ctx, tracker);
  await recordAction({
    actor: ctx.plan.actor, kind: "graduate_rollback", rfcSlug: ctx.plan.slug, repo: fullName(ctx.plan.repo), prNumber: ctx.effects.prNumber,
    details: {
      graduationId: ctx.plan.graduationId, rfcId: ctx.plan.rfcId, failedStep: stoppedAt, error: "the server stopped", recovered: true,
      undone: tracker.snapshot.steps.filter((s) => s.kind === "undo" && s.status === "done").map((s) => s.key), failedUndos,
    },
  });
  await tracker.finish(failedUndos.length ? "rollback_failed" : "interrupted");
}

/** Completes or rolls back one graduation left running by a stopped server; nothing when someone holds its slug. */
export async function recoverGraduation(graduationId: number, slug: string): Promise<void> {
  const release = await tryLockSlug(slug);
  if (!release) return;
  try {
    const row = await db().graduation.findUnique({ where: { id: graduationId } });
    if (row?.status !== "running") return;
    const tracker = new GraduationTracker(toSnapshot(row));
    const snap = tracker.snapshot;
    const plan = await planOf(snap);
    const { merged, effects } = await probe(snap, plan);
    const stopped = snap.steps.find((s) => s.kind === "forward" && s.status === "running") ?? null;
    const ctx: RunContext = { plan, effects };
    if (merged) return await finishForward(ctx, tracker);
    if (stopped) await tracker.fail(stopped.key, STOPPED);
    await rollBack(ctx, tracker, stopped?.key ?? null);
  } finally {
    await release();
  }
}

/** Every graduation left running that no run of this process holds. Never throws: a failed one is tried again on the next tick. */
export async function recoverGraduations(): Promise<void> {
  for (const row of await runningGraduations().catch(() => [])) {
    try {
      await recoverGraduation(row.graduationId, row.slug);
    } catch (err) {
      console.warn(`[quorum] could not recover the graduation of ${row.slug} yet:`, err instanceof Error ? err.message : err);
    }
  }
}
