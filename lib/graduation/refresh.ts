import "server-only";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { fullName, type GraduationPlan } from "./context";

/**
 * §13.3 step 5: bring the catalog up to date at once instead of waiting for
 * the webhooks: the meta entry (now active) and the graduation PR, then the
 * new repo (its RFC.md becomes the cached body). Through the refresh queue,
 * so it never interleaves with a webhook's refresh of the same repo. A
 * failure is reported, not undone: the reconciler catches up (§4).
 */
export async function refreshAfterGraduation(plan: GraduationPlan, prNumber: number | null): Promise<string> {
  const meta = await enqueueRefresh(fullName(plan.meta), {
    entries: true,
    branches: true,
    ...(prNumber !== null ? { pulls: [prNumber] } : { openPulls: true }),
  });
  if (!meta.ok) throw new Error(`Refreshing the meta repo failed: ${meta.error}`);
  const repo = await enqueueRefresh(fullName(plan.repo), { branches: true, force: true });
  if (!repo.ok) throw new Error(`Refreshing ${fullName(plan.repo)} failed: ${repo.error}`);
  return "The catalog shows the RFC as active";
}
