import { getConfig } from "@/lib/config";
import { giteaRequestCount, listOrgRepos } from "@/lib/gitea";
import { enqueueRefresh, whenIdle } from "./refresh-queue";

/**
 * The benchmark's baseline (seed 001's approach): re-read everything — every
 * repo of the org, every branch, every entry and RFC.md, every PR — without
 * comparing anything with the cache. Never used by the app.
 */
export async function naiveSweep(): Promise<{ requests: number; ms: number; errors: number }> {
  const started = Date.now();
  const requests0 = giteaRequestCount();
  const meta = getConfig().metaRepoFullName;
  const all = { branches: true, entries: true, allPulls: true, force: true };
  const metaOutcome = await enqueueRefresh(meta, all); // entries first: they say which repos are RFC repos
  const repos = (await listOrgRepos(getConfig().org)).map((r) => r.full_name ?? "").filter((r) => r && r !== meta);
  const outcomes = await Promise.all(repos.map((r) => enqueueRefresh(r, all)));
  await whenIdle();
  const errors = [metaOutcome, ...outcomes].filter((o) => !o.ok).length;
  return { requests: giteaRequestCount() - requests0, ms: Date.now() - started, errors };
}
