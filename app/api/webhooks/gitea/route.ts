// POST /api/webhooks/gitea — Gitea's org webhook: verify, de-duplicate, queue the refresh (§4.1)
import { receiveWebhook } from "@/lib/cache/webhook/receive";
import { withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = withRoute(async (req) => Response.json(await receiveWebhook(req)));
