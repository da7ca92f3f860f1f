import { getConfig } from "@/lib/config";
import { announceRfcChanged } from "@/lib/lifecycle/live";
import { recomputeActivity } from "./activity";
import { noteBranchHeads } from "./branch-heads";
import { markHomeBranchesStale } from "./branch-rows";
import { resolveMainPushes, type MainPush, type RepoNeeds, type ResolvedNeeds } from "./needs";
import { getRepoMainHead } from "./repo-sync";
import { refreshMetaBranches } from "./refresh-meta-branches";
import { refreshMetaEntries } from "./refresh-meta-entries";
import { refreshMetaPulls } from "./refresh-meta-pulls";
import type { PullsMode } from "./refresh-pulls";
import { syncPrivateCollaborators } from "@/lib/private/collaborators";
import { isPrivateRepo } from "./private-repos";
import { refreshPrivateRepo } from "./refresh-private-repo";
import { refreshRfcRepo } from "./refresh-rfc-repo";

export type RepoRefreshResult = {
  slugs: string[];
  /** Per-RFC repos an entry newly points at: refresh them next. */
  followUps: string[];
  /** Meta repo: main's head after this refresh (stored so the next sweep can compare). */
  mainHeadSha?: string | null;
  rfcSlug?: string | null;
};

const pullsMode = (n: Needs): PullsMode | null =>
  n.allPulls || n.openPulls || n.pulls?.length ? { all: n.allPulls, open: n.openPulls, numbers: n.pulls } : null;

type Needs = Omit<ResolvedNeeds, "heads">;

/** Runs one repo's refresh. Callers go through the refresh queue (one at a time per repo). */
export async function refreshRepo(repo: string, asked: RepoNeeds): Promise<RepoRefreshResult> {
  const { needs, slugs } = await noteHeadsFirst(repo, resolveMainPushes(asked));
  const result: RepoRefreshResult = repo === getConfig().metaRepoFullName ? await refreshMeta(needs) : await refreshOther(repo, needs);
  result.slugs.push(...slugs);
  await recomputeActivity(result.slugs);
  announceRfcChanged(result.slugs); // open RFC views re-read their lifecycle (SSE)
  return result;
}

/** Heads the app's own write moved are noted without a listing, unless the refresh lists branches anyway or one is unknown. */
async function noteHeadsFirst(repo: string, asked: ResolvedNeeds): Promise<{ needs: Needs; slugs: string[] }> {
  const { heads, ...needs } = asked;
  if (!heads?.length || needs.branches) return { needs, slugs: [] };
  const noted = await noteBranchHeads(repo, heads);
  return { needs: noted.unknown ? { ...needs, branches: true } : needs, slugs: noted.slugs };
}

async function refreshMeta(needs: Needs): Promise<RepoRefreshResult> {
  const slugs: string[] = [];
  const followUps: string[] = [];
  let readEntries = !!needs.entries || !!needs.force;
  let mainHeadSha: string | null | undefined;
  let since: { base: string; head: string } | undefined;
  let branches = !!needs.branches;
  if (needs.mainPush && !branches) {
    // A push the cache can follow: the entries its commits touched, without listing branches.
    const taken = await takeMetaPush(needs.mainPush);
    if (taken) {
      ({ mainHeadSha, since } = taken);
      readEntries = true;
    } else branches = true;
  }
  if (branches) {
    const b = await refreshMetaBranches();
    slugs.push(...b.slugs);
    mainHeadSha = b.mainHeadSha;
    if (b.mainMoved) readEntries = true;
    // Main's heads before and now: the entries to re-read are those the commits between touched.
    if (b.previousHeadSha && b.mainHeadSha) since = { base: b.previousHeadSha, head: b.mainHeadSha };
  }
  if (readEntries) {
    const e = await refreshMetaEntries({ force: needs.force, since, head: mainHeadSha, paths: needs.mainPush && !branches ? needs.mainPush.files : null });
    slugs.push(...e.changed, ...e.invalid);
    followUps.push(...e.reposToRefresh);
    for (const slug of e.readersChanged) await syncReaders(slug);
  }
  const mode = pullsMode(needs);
  if (mode) slugs.push(...(await refreshMetaPulls(mode)));
  return { slugs, followUps, mainHeadSha };
}

/** Main moved from the head the cache was built from: mark its branches stale and name the commits' range. */
async function takeMetaPush(push: MainPush): Promise<{ mainHeadSha: string; since: { base: string; head: string } } | null> {
  const meta = getConfig().metaRepoFullName;
  if ((await getRepoMainHead(meta)) !== push.before) return null;
  await markHomeBranchesStale(meta);
  return { mainHeadSha: push.after, since: { base: push.before, head: push.after } };
}

/** Owners or arbiters changed: so do the readers of the RFC's private companion repos. Logged, never fatal to the refresh. */
async function syncReaders(slug: string): Promise<void> {
  try {
    for (const s of await syncPrivateCollaborators(slug)) {
      if (s.added.length || s.removed.length) console.log(`[quorum] ${s.repo}: readers +${s.added.join(",") || "-"} −${s.removed.join(",") || "-"}`);
    }
  } catch (err) {
    console.warn(`[quorum] syncing the private readers of ${slug} failed:`, err instanceof Error ? err.message : err);
  }
}

async function refreshOther(repo: string, needs: Needs): Promise<RepoRefreshResult> {
  if (await isPrivateRepo(repo)) {
    // A companion repo holds branches only (a PR is public by nature): any listing need means its branches.
    if (!needs.branches && !needs.allPulls && !needs.openPulls && !needs.force) return { slugs: [], followUps: [] };
    const r = await refreshPrivateRepo(repo);
    return { slugs: r.slugs, followUps: [], rfcSlug: r.slug };
  }
  const mode = pullsMode(needs);
  const r = await refreshRfcRepo(repo, { branches: needs.branches, force: needs.force, mainPush: needs.mainPush, ...(mode ? { pulls: mode } : {}) });
  return { slugs: r.slugs, followUps: [], rfcSlug: r.slug };
}
