// POST /api/test/clock — test builds only: move the app's clock (lib/clock.ts) and run the lifecycle sweep.
// Exists only when QUORUM_TEST_CLOCK_FILE is set (never in production); 404 otherwise.
import { z } from "zod";
import { advanceClock, clockOffsetMs, nowIso } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { notFound } from "@/lib/http/errors";
import { readJson, withRoute } from "@/lib/http/route";
import { lifecycleSweep } from "@/lib/lifecycle/sweep";

export const dynamic = "force-dynamic";

const body = z.object({ advanceMs: z.number().int().min(0).max(400 * 86_400_000) });

export const POST = withRoute(async (req) => {
  if (!getConfig().testClockFile) throw notFound("Not found");
  const { advanceMs } = body.parse(await readJson(req));
  advanceClock(advanceMs);
  const sweep = await lifecycleSweep();
  return Response.json({ now: nowIso(), offsetMs: clockOffsetMs(), settled: sweep.settled });
});
