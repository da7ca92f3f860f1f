import { inBackground } from "@/lib/background";

// Runs a notification's lookups so that they, too, never fail the action
// that caused it (`notify` itself never throws): a failure is logged. Often
// not awaited, so it counts as background work until it settles.
export function guarded(what: string, run: () => Promise<void>): Promise<void> {
  return inBackground(
    `notification (${what})`,
    run().catch((err: unknown) => console.error(`[quorum] notification (${what}) not written:`, err)),
  );
}
