// GET /api/ai/status — whether the AI participant is available, and the models the picker offers (§18)
import { aiStatus } from "@/lib/ai/status";
import { getRequestUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public: readers and contributors read who can turn the AI on; admins also what to set.
export const GET = withRoute(async (req) => Response.json(aiStatus(await getRequestUser(req))));
