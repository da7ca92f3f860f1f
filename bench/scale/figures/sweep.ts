import { sweepOnce } from "@/lib/cache/sweep";
import { nextSecond } from "@/tests/helpers/wait";
import type { ScaleWorld } from "../world";

// "An idle sweep ≤ 15 forge requests" (§4: a sweep costs what changed, not
// the number of RFCs): the reconciler's sweepOnce, run from the bench
// process on the app's database after one sweep that settles what moved.

export async function idleSweepRequests(w: ScaleWorld): Promise<{ requests: number; ms: number }> {
  await nextSecond(); // Gitea's updated_at has one-second precision
  await sweepOnce({ trigger: "bench" });
  await nextSecond();
  await w.adminPost("/requests/reset");
  const t0 = performance.now();
  await sweepOnce({ trigger: "bench" });
  const ms = performance.now() - t0;
  const { counts } = await w.forgeRequests();
  delete counts["GET /api/v1/user"]; // the app's session checks meanwhile, not the sweep's
  return { requests: Object.values(counts).reduce((a, b) => a + b, 0), ms };
}
