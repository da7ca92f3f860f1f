// GET /api/health — database, Gitea and Redis reachability, the reconciler's leader, the last sweep and repos that do not refresh fully (§17);
// 200 while serving (status ok or degraded), 503 when down
import { getHealth } from "@/lib/health";
import { withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withRoute(async () => {
  const health = await getHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
});
