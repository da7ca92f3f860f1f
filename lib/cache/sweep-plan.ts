import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { orgReposUntil, searchPullsUpdatedSince } from "@/lib/gitea";
import { mergeNeeds, type RepoNeeds } from "./needs";
import { orgId } from "./org-id";

export type PlannedRefresh = { repo: string; needs: RepoNeeds; updatedAt?: string };

// Gitea's clock and ours may differ a little; PRs re-found in the overlap are
// skipped by comparing their updated_at with the cache, so the margin is cheap.
const PR_SEARCH_OVERLAP_MS = 5 * 60_000;
const SAME_SECOND_MS = 2_000;

/**
 * §4: what one sweep must re-read, at a cost proportional to what changed:
 *  - the meta repo's branches and `rfcs/` listing (2 requests; entries whose
 *    blob sha moved are read later, so a wiped cache heals itself);
 *  - repos whose `updated_at` moved: walk /repos/search newest first and stop
 *    at the first repo already read at that `updated_at` (1 request when idle);
 *  - PRs updated since the last sweep, across the org, in one search (closing
 *    a PR does not bump its repo's updated_at); unchanged ones are skipped;
 *  - repos whose back-off expired, and active RFCs whose repo was never read.
 * Repos still backing off are left out; a failing repo never blocks the rest.
 */
export async function planSweep(now = new Date()): Promise<PlannedRefresh[]> {
  const meta = getConfig().metaRepoFullName;
  const syncs = new Map((await db().repoSync.findMany()).map((s) => [s.repo, s]));
  const backingOff = (repo: string) => !!syncs.get(repo)?.backoffUntil && syncs.get(repo)!.backoffUntil! > now;
  const plan = new Map<string, PlannedRefresh>();
  const add = (repo: string, needs: RepoNeeds, updatedAt?: string) => {
    if (backingOff(repo)) return;
    const prev = plan.get(repo);
    plan.set(repo, { repo, needs: prev ? mergeNeeds(prev.needs, needs) : needs, updatedAt: updatedAt ?? prev?.updatedAt });
  };
  const rebuild = (repo: string) => !syncs.get(repo)?.syncedAt;

  add(meta, { branches: true, entries: true });
  if (rebuild(meta)) add(meta, { allPulls: true });

  const moved = await orgReposUntil(await orgId(), (r) => {
    const s = syncs.get(r.full_name ?? "");
    return !!s && s.failures === 0 && s.updatedAt === r.updated_at;
  });
  for (const r of moved) {
    const repo = r.full_name ?? "";
    // updated_at has one-second precision: a repo touched in the same second
    // as this listing could change again unseen, so it is not marked as read.
    const settled = r.updated_at && now.getTime() - Date.parse(r.updated_at) >= SAME_SECOND_MS ? r.updated_at : undefined;
    add(repo, { branches: true, ...(rebuild(repo) ? { allPulls: true } : { openPulls: true }) }, settled);
  }

  for (const s of syncs.values()) if (s.failures > 0) add(s.repo, { branches: true, openPulls: true });
  const linked = await db().cachedRfc.findMany({ where: { repo: { not: null } }, select: { repo: true } });
  for (const { repo } of linked) if (repo && !syncs.has(repo)) add(repo, { branches: true, allPulls: true });

  for (const p of await changedPulls(meta, new Set(linked.map((l) => l.repo ?? "")))) add(p.repo, { pulls: [p.number] });
  return [meta, ...[...plan.keys()].filter((k) => k !== meta)].flatMap((k) => (plan.has(k) ? [plan.get(k)!] : []));
}

async function changedPulls(meta: string, rfcRepos: Set<string>): Promise<{ repo: string; number: number }[]> {
  const last = await db().sweepRun.findFirst({
    where: { finishedAt: { not: null }, error: null },
    orderBy: { id: "desc" },
    select: { startedAt: true },
  });
  if (!last) return []; // first sweep: every repo is read in full anyway
  const since = new Date(last.startedAt.getTime() - PR_SEARCH_OVERLAP_MS).toISOString();
  const found = await searchPullsUpdatedSince(getConfig().org, since);
  const out: { repo: string; number: number }[] = [];
  for (const issue of found) {
    const repo = issue.repository?.full_name ?? "";
    if (repo !== meta && !rfcRepos.has(repo)) continue;
    const cached = await db().cachedPr.findUnique({
      where: { repo_number: { repo, number: issue.number ?? 0 } },
      select: { updatedAt: true },
    });
    if (cached && issue.updated_at && cached.updatedAt.getTime() === new Date(issue.updated_at).getTime()) continue;
    out.push({ repo, number: issue.number ?? 0 });
  }
  return out;
}
