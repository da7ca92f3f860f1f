import { getConfig } from "@/lib/config";
import { createLeadership, type Leadership } from "@/lib/coordination/leadership";
import { getLocks } from "@/lib/coordination/locks";
import { kickMailOutbox } from "@/lib/mail/outbox";
import { sendDigests } from "@/lib/notifications/digest";
import { pruneLiveEvents } from "@/lib/realtime/log";
import { reconcileAppState } from "@/lib/writes/reconcile";
import { lifecycleSweep } from "@/lib/lifecycle/sweep";
import { sweepOnce, type SweepTrigger } from "./sweep";

// §4 reconciler loop, started once from instrumentation.ts: one sweep at
// startup, then one every RECONCILE_INTERVAL_S, each after the app's own
// data is healed of what a crash left (lib/writes/reconcile.ts). Errors are
// logged and never escape (sweepOnce does not reject; this guards the rest).
// With several instances (COORDINATION=redis) only the leader runs it: the
// lead is a lock with an expiry (lib/coordination/leadership.ts), which a
// standby asks for every half lease and takes within one interval of the
// leader's death, sweeping at once.

export const LEADER_LOCK = "reconciler:leader";

const g = globalThis as unknown as {
  quorumReconciler?: { timer: NodeJS.Timeout | null; stopped: boolean; leadership: Leadership };
};

async function tick(trigger: SweepTrigger): Promise<void> {
  // App data a crash left half-done first, so the sweep's refreshes see its writes settled.
  await reconcileAppState();
  try {
    const r = await sweepOnce({ trigger });
    if (r.errors) console.warn(`[quorum] sweep ${r.id}: ${r.errors} error(s), ${r.requests} Gitea requests`);
    // With the cache current, motions whose final comment period ran out are recorded (§3 state 4).
    await lifecycleSweep();
  } catch (err) {
    console.error("[quorum] reconciler tick failed", err);
  }
  // Daily digests that are due, and mail a restart left waiting (issue 14).
  await sendDigests().catch((err: unknown) => console.error("[quorum] digests:", err));
  // Live events older than a day: a client that far behind reloads (it gets a `reset`) instead of replaying.
  await pruneLiveEvents().catch((err: unknown) => console.error("[quorum] live events prune:", err));
  kickMailOutbox();
}

/** Starts the reconciler; a second call does nothing. */
export function startReconciler(): void {
  if (g.quorumReconciler) return;
  const { reconcileIntervalS, leaderLeaseMs, instanceId } = getConfig();
  const leadership = createLeadership(getLocks(), LEADER_LOCK, leaderLeaseMs, () => console.warn(`[quorum] ${instanceId} lost the reconciler's lead`));
  const state = { timer: null as NodeJS.Timeout | null, stopped: false, leadership };
  g.quorumReconciler = state;
  const later = (ms: number, trigger: SweepTrigger) => {
    if (state.stopped) return;
    // Scheduled after the sweep ends, so a slow sweep never piles up behind itself.
    state.timer = setTimeout(() => void loop(trigger), ms);
    state.timer.unref?.();
  };
  let led = false;
  const loop = async (trigger: SweepTrigger) => {
    const leads = await leadership.claim().catch((err: unknown) => {
      console.warn("[quorum] could not ask for the reconciler's lead:", err instanceof Error ? err.message : err);
      return false;
    });
    if (state.stopped) return;
    if (!leads) {
      led = false;
      return later(leaderLeaseMs / 2, "takeover");
    }
    if (!led && trigger !== "startup") console.info(`[quorum] ${instanceId} leads the reconciler`);
    led = true;
    await tick(trigger);
    later(reconcileIntervalS * 1000, "interval");
  };
  void loop("startup");
}

/** Stops the loop and gives the lead up (tests). */
export async function stopReconciler(): Promise<void> {
  const state = g.quorumReconciler;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  g.quorumReconciler = undefined;
  await state.leadership.resign();
}

/** Whether this instance leads the reconciler now (health). */
export function leadsReconciler(): boolean {
  return g.quorumReconciler?.leadership.leading ?? false;
}
