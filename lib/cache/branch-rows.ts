import { db } from "@/lib/db/client";

export type BranchSeen = { rfcSlug: string; name: string; displayName: string; headSha: string; lastCommitAt: Date | null };

/**
 * Makes the cached branches of one repo match what Gitea listed: new and
 * moved branches are written (a moved head marks its status stale, §9), and
 * a branch gone from Gitea keeps its row with state `deleted` (§11.5).
 * When main moved, every open branch's "behind main" is out of date: all
 * are marked stale (§9, §12), recomputed when someone next looks.
 * Unchanged rows are not written. Returns the slugs touched.
 */
export async function syncBranchRows(repo: string, seen: BranchSeen[], opts: { mainMoved?: boolean } = {}): Promise<string[]> {
  const existing = await db().cachedBranch.findMany({
    where: { repo },
    select: { name: true, headSha: true, state: true, rfcSlug: true },
  });
  const byName = new Map(existing.map((b) => [b.name, b]));
  const touched = new Set<string>();
  for (const b of seen) {
    const prev = byName.get(b.name);
    if (prev && prev.headSha === b.headSha && prev.state === "open") continue;
    const data = {
      rfcSlug: b.rfcSlug,
      displayName: b.displayName,
      headSha: b.headSha,
      state: "open",
      lastCommitAt: b.lastCommitAt,
      statusStale: true,
    };
    await db().cachedBranch.upsert({
      where: { repo_name: { repo, name: b.name } },
      create: { repo, name: b.name, ...data },
      update: data,
    });
    touched.add(b.rfcSlug);
  }
  if (opts.mainMoved) {
    await db().cachedBranch.updateMany({ where: { repo, state: "open", statusStale: false }, data: { statusStale: true } });
  }
  const names = new Set(seen.map((b) => b.name));
  const gone = existing.filter((b) => b.state !== "deleted" && !names.has(b.name));
  if (gone.length) {
    await db().cachedBranch.updateMany({
      where: { repo, name: { in: gone.map((b) => b.name) } },
      data: { state: "deleted" },
    });
    for (const b of gone) touched.add(b.rfcSlug);
  }
  return [...touched];
}
