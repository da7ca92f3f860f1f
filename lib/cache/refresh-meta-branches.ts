import type { Branch } from "gitea-js";
import { metaRepo } from "@/lib/bot/meta-entry";
import { getConfig } from "@/lib/config";
import { parseMetaHead } from "@/lib/entries";
import { listBranches } from "@/lib/gitea";
import { readCutCreators } from "@/lib/branches/cut-tag";
import { syncBranchRows, type BranchSeen } from "./branch-rows";
import { getRepoMainHead } from "./repo-sync";

export const commitTime = (b: Branch): Date | null => (b.commit?.timestamp ? new Date(b.commit.timestamp) : null);

/**
 * Lists the meta repo's branches (one request per 50) and caches the
 * super-draft branches `edit/<slug>/<name>`, shown as `<name>` (§11).
 * Returns main's head, the head the cache was last built from, and whether
 * main moved since, so the caller re-reads entries only then, and only those
 * the new commits touched.
 */
export async function refreshMetaBranches(): Promise<{ mainHeadSha: string | null; previousHeadSha: string | null; mainMoved: boolean; slugs: string[] }> {
  const branches = await listBranches(metaRepo());
  let mainHeadSha: string | null = null;
  const seen: BranchSeen[] = [];
  for (const b of branches) {
    const name = b.name ?? "";
    if (name === "main") mainHeadSha = b.commit?.id ?? null;
    const head = parseMetaHead(name);
    if (head?.kind !== "meta_body_edit" || !head.name) continue;
    seen.push({ rfcSlug: head.slug, name, displayName: head.name, headSha: b.commit?.id ?? "", lastCommitAt: commitTime(b) });
  }
  const repo = getConfig().metaRepoFullName;
  const previousHeadSha = await getRepoMainHead(repo);
  const mainMoved = mainHeadSha !== previousHeadSha;
  const slugs = await syncBranchRows(repo, seen, {
    home: repo,
    mainMoved,
    registry: { visibility: "public", creatorsFromTags: () => readCutCreators(metaRepo()) },
  });
  return { mainHeadSha, previousHeadSha, mainMoved, slugs };
}
