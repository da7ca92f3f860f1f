import { getConfig } from "@/lib/config";
import { reconcileAppState } from "@/lib/writes/reconcile";
import { sweepOnce } from "./sweep";

// §4 reconciler loop, started once from instrumentation.ts: one sweep at
// startup, then one every RECONCILE_INTERVAL_S, each after the app's own
// data is healed of what a crash left (lib/writes/reconcile.ts). Errors are logged and never
// escape (sweepOnce does not reject; this guards the rest).

const g = globalThis as unknown as { quorumReconciler?: { timer: NodeJS.Timeout | null; stopped: boolean } };

async function tick(trigger: "startup" | "interval"): Promise<void> {
  // App data a crash left half-done first, so the sweep's refreshes see its writes settled.
  await reconcileAppState();
  try {
    const r = await sweepOnce({ trigger });
    if (r.errors) console.warn(`[quorum] sweep ${r.id}: ${r.errors} error(s), ${r.requests} Gitea requests`);
  } catch (err) {
    console.error("[quorum] reconciler tick failed", err);
  }
}

/** Starts the reconciler; a second call does nothing. */
export function startReconciler(): void {
  if (g.quorumReconciler) return;
  const state = { timer: null as NodeJS.Timeout | null, stopped: false };
  g.quorumReconciler = state;
  const intervalMs = getConfig().reconcileIntervalS * 1000;
  const loop = async (trigger: "startup" | "interval") => {
    await tick(trigger);
    if (state.stopped) return;
    // Scheduled after the sweep ends, so a slow sweep never piles up behind itself.
    state.timer = setTimeout(() => void loop("interval"), intervalMs);
    state.timer.unref?.();
  };
  void loop("startup");
}

/** Stops the loop (tests). */
export function stopReconciler(): void {
  const state = g.quorumReconciler;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  g.quorumReconciler = undefined;
}
