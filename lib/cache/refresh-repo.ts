import { getConfig } from "@/lib/config";
import { recomputeActivity } from "./activity";
import { noteBranchHeads } from "./branch-heads";
import type { RepoNeeds } from "./needs";
import { refreshMetaBranches } from "./refresh-meta-branches";
import { refreshMetaEntries } from "./refresh-meta-entries";
import { refreshMetaPulls } from "./refresh-meta-pulls";
import type { PullsMode } from "./refresh-pulls";
import { refreshRfcRepo } from "./refresh-rfc-repo";

export type RepoRefreshResult = {
  slugs: string[];
  /** Per-RFC repos an entry newly points at: refresh them next. */
  followUps: string[];
  /** Meta repo: main's head after this refresh (stored so the next sweep can compare). */
  mainHeadSha?: string | null;
  rfcSlug?: string | null;
};

const pullsMode = (n: RepoNeeds): PullsMode | null =>
  n.allPulls || n.openPulls || n.pulls?.length ? { all: n.allPulls, open: n.openPulls, numbers: n.pulls } : null;

/** Runs one repo's refresh. Callers go through the refresh queue (one at a time per repo). */
export async function refreshRepo(repo: string, asked: RepoNeeds): Promise<RepoRefreshResult> {
  const { needs, slugs } = await noteHeadsFirst(repo, asked);
  const result: RepoRefreshResult = repo === getConfig().metaRepoFullName ? await refreshMeta(needs) : await refreshOther(repo, needs);
  result.slugs.push(...slugs);
  await recomputeActivity(result.slugs);
  return result;
}

/** Heads the app's own write moved are noted without a listing, unless the refresh lists branches anyway or one is unknown. */
async function noteHeadsFirst(repo: string, asked: RepoNeeds): Promise<{ needs: RepoNeeds; slugs: string[] }> {
  const { heads, ...needs } = asked;
  if (!heads?.length || needs.branches) return { needs, slugs: [] };
  const noted = await noteBranchHeads(repo, heads);
  return { needs: noted.unknown ? { ...needs, branches: true } : needs, slugs: noted.slugs };
}

async function refreshMeta(needs: RepoNeeds): Promise<RepoRefreshResult> {
  const slugs: string[] = [];
  const followUps: string[] = [];
  let readEntries = !!needs.entries || !!needs.force;
  let mainHeadSha: string | null | undefined;
  if (needs.branches) {
    const b = await refreshMetaBranches();
    slugs.push(...b.slugs);
    mainHeadSha = b.mainHeadSha;
    if (b.mainMoved) readEntries = true;
  }
  if (readEntries) {
    const e = await refreshMetaEntries({ force: needs.force });
    slugs.push(...e.changed, ...e.invalid);
    followUps.push(...e.reposToRefresh);
  }
  const mode = pullsMode(needs);
  if (mode) slugs.push(...(await refreshMetaPulls(mode)));
  return { slugs, followUps, mainHeadSha };
}

async function refreshOther(repo: string, needs: RepoNeeds): Promise<RepoRefreshResult> {
  const mode = pullsMode(needs);
  const r = await refreshRfcRepo(repo, { branches: needs.branches, force: needs.force, ...(mode ? { pulls: mode } : {}) });
  return { slugs: r.slugs, followUps: [], rfcSlug: r.slug };
}
