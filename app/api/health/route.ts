// GET /api/health — database, Gitea reachability and the last reconciler sweep (§17)
import { getHealth } from "@/lib/health";
import { withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withRoute(async () => {
  const health = await getHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
});
