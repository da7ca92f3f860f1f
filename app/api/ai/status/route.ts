// GET /api/ai/status — whether the AI participant is available, and the models the picker offers (§18)
import { aiStatus } from "@/lib/ai/status";
import { withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public: readers see the same explanation as contributors when the AI is off.
export const GET = withRoute(async () => Response.json(aiStatus()));
