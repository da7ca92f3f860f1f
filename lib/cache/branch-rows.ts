import { db } from "@/lib/db/client";
import { branchHeadEvent } from "@/lib/realtime/branch-events";
import { publishLive, type LiveEventInput } from "@/lib/realtime/publish";
import { syncBranchRegistry, type RegistryFacts } from "./branch-registry";

export type BranchSeen = { rfcSlug: string; name: string; displayName: string; headSha: string; lastCommitAt: Date | null };

/**
 * Makes the cached branches of one repo match what Gitea listed: new and
 * moved branches are written (a moved head marks its status stale, §9), and
 * a branch gone from Gitea keeps its row with state `deleted` (§11.5).
 * `home` is the public repo the branches edit (the repo itself, or the home
 * of a private companion repo). When the home's main moved, every open
 * branch of that home — its private ones too — is out of date on "behind
 * main": all are marked stale (§9, §12), recomputed when someone next looks.
 * Then the app's branch rows learn what Git says (lib/cache/branch-registry).
 * Unchanged rows are not written. Returns the slugs touched.
 */
export async function syncBranchRows(
  repo: string,
  seen: BranchSeen[],
  opts: { home: string; mainMoved?: boolean; registry: Omit<RegistryFacts, "repo" | "home"> },
): Promise<string[]> {
  const existing = await db().cachedBranch.findMany({
    where: { repo },
    select: { name: true, headSha: true, state: true, rfcSlug: true, home: true, displayName: true },
  });
  const byName = new Map(existing.map((b) => [b.name, b]));
  const touched = new Set<string>();
  const moved: LiveEventInput[] = [];
  for (const b of seen) {
    const prev = byName.get(b.name);
    if (prev && prev.headSha === b.headSha && prev.state === "open" && prev.home === opts.home && prev.displayName === b.displayName) continue;
    const data = {
      rfcSlug: b.rfcSlug,
      home: opts.home,
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
    if (prev?.headSha !== b.headSha || prev?.state !== "open") moved.push(branchHeadEvent(b.rfcSlug, { branch: b.displayName, headSha: b.headSha, state: "open" }));
  }
  if (opts.mainMoved) await markHomeBranchesStale(opts.home);
  const names = new Set(seen.map((b) => b.name));
  const gone = existing.filter((b) => b.state !== "deleted" && !names.has(b.name));
  if (gone.length) {
    await db().cachedBranch.updateMany({
      where: { repo, name: { in: gone.map((b) => b.name) } },
      data: { state: "deleted" },
    });
    for (const b of gone) {
      touched.add(b.rfcSlug);
      moved.push(branchHeadEvent(b.rfcSlug, { branch: b.displayName, headSha: b.headSha, state: "deleted" }));
    }
  }
  // Open views of these branches follow (issue 14); a failed publish is not the cache's failure.
  await publishLive(...moved).catch((err: unknown) => console.error("[quorum] branch head events:", err));
  for (const s of await syncBranchRegistry(seen, { ...opts.registry, repo, home: opts.home })) touched.add(s);
  return [...touched];
}

/** Main of `home` moved: every open branch editing it, private ones too, is out of date on "behind main" (§9, §12). */
export async function markHomeBranchesStale(home: string): Promise<void> {
  await db().cachedBranch.updateMany({ where: { home, state: "open", statusStale: false }, data: { statusStale: true } });
}
