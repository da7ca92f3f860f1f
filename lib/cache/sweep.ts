import { getConfig } from "@/lib/config";
import { getLocks } from "@/lib/coordination/locks";
import { db } from "@/lib/db/client";
import { giteaRequestCount } from "@/lib/gitea";
import { enqueueRefresh, whenIdle } from "./refresh-queue";
import { planSweep } from "./sweep-plan";

export type SweepTrigger = "startup" | "interval" | "takeover" | "manual" | "bench";
export type SweepResult = {
  id: number;
  trigger: SweepTrigger;
  reposRead: number;
  errors: number;
  requests: number;
  ms: number;
  error: string | null;
};

// §4 "a lock so two sweeps never overlap": a second call in this process
// joins the running sweep (kept on globalThis, which every bundle of the Next
// server shares); across instances the sweep lock makes one wait for the other.
const g = globalThis as unknown as { quorumSweep?: Promise<SweepResult> | null };

/** One reconciler sweep (tests and the loop in start.ts call it). Never rejects. */
export function sweepOnce({ trigger }: { trigger: SweepTrigger }): Promise<SweepResult> {
  if (g.quorumSweep) return g.quorumSweep;
  const running = getLocks()
    .withLock(SWEEP_LOCK, () => runSweep(trigger))
    .catch((err: unknown): SweepResult => {
      // The lock itself failed (Redis unreachable): no sweep ran; the next tick tries again.
      const error = err instanceof Error ? err.message : String(err);
      console.warn("[quorum] sweep not run:", error);
      return { id: 0, trigger, reposRead: 0, errors: 1, requests: 0, ms: 0, error };
    })
    .finally(() => {
    g.quorumSweep = null;
  });
  g.quorumSweep = running;
  return running;
}

export const SWEEP_LOCK = "sweep";

async function runSweep(trigger: SweepTrigger): Promise<SweepResult> {
  const started = Date.now();
  const requests0 = giteaRequestCount();
  const run = await db().sweepRun.create({ data: { trigger, instance: getConfig().instanceId }, select: { id: true } });
  let reposRead = 0;
  let errors = 0;
  let error: string | null = null;
  try {
    const plan = await planSweep();
    // The queue bounds concurrency and serialises each repo with webhook refreshes.
    const outcomes = await Promise.all(plan.map((p) => enqueueRefresh(p.repo, p.needs, { updatedAt: p.updatedAt })));
    await whenIdle(); // follow-ups (repos an entry newly points at) belong to this sweep
    reposRead = outcomes.length;
    // Delivery ids only need to outlive Gitea's redeliveries; keep a week.
    await db().webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - 7 * 86_400_000) } } });
    errors = outcomes.filter((o) => !o.ok).length;
  } catch (err) {
    // Planning failed (Gitea unreachable, say): record it; the next tick tries again.
    error = err instanceof Error ? err.message : String(err);
    errors++;
    console.warn("[quorum] sweep failed:", error);
  }
  const requests = giteaRequestCount() - requests0;
  await db().sweepRun.update({
    where: { id: run.id },
    data: { finishedAt: new Date(), reposRead, requests, errors, error },
  });
  return { id: run.id, trigger, reposRead, errors, requests, ms: Date.now() - started, error };
}
