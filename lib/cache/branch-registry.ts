import { db } from "@/lib/db/client";
import type { BranchSeen } from "./branch-rows";

// The app's branch rows (BranchMeta) learn from Git what Git knows (README
// "What private means"): where a branch lives, whether that place is private,
// and who cut it (a private companion repo names its creator; a public
// branch's cut tag does). So a database rebuilt from Gitea gets visibility
// and creators back. A branch gone from its repo is marked deleted (§11.5)
// unless it lives on elsewhere (it moved between public and private): the
// row, and the conversation keyed by it, outlive any cache rebuild.

export type RegistryFacts = {
  repo: string;
  home: string;
  visibility: "public" | "private";
  /** The companion repo's creator, for every branch of a private repo. */
  creator?: string;
  /** Public repos: creators by ref from the cut tags, read only when a branch is new to the app. */
  creatorsFromTags?: () => Promise<Map<string, string>>;
};

const key = (slug: string, name: string) => `${slug}\0${name}`;

export async function syncBranchRegistry(seen: BranchSeen[], f: RegistryFacts): Promise<string[]> {
  const rows = await db().branchMeta.findMany({
    where: { OR: [{ repo: f.repo }, ...(seen.length ? [{ rfcSlug: { in: [...new Set(seen.map((b) => b.rfcSlug))] }, name: { in: seen.map((b) => b.displayName) } }] : [])] },
  });
  const byKey = new Map(rows.map((r) => [key(r.rfcSlug, r.name), r]));
  const fresh = seen.some((b) => !byKey.has(key(b.rfcSlug, b.displayName)));
  const tagged = f.visibility === "public" && fresh && f.creatorsFromTags ? await f.creatorsFromTags() : new Map<string, string>();
  const touched = new Set<string>();

  for (const b of seen) {
    const row = byKey.get(key(b.rfcSlug, b.displayName));
    const createdBy = f.creator ?? (row?.createdBy || tagged.get(b.name) || "");
    const want = { visibility: f.visibility, repo: f.repo, home: f.home, createdBy, deletedAt: null, deletedBy: null };
    if (!row) {
      await db().branchMeta.create({ data: { rfcSlug: b.rfcSlug, name: b.displayName, ...want } });
      touched.add(b.rfcSlug);
      continue;
    }
    const same = row.visibility === want.visibility && row.repo === want.repo && row.home === want.home && row.createdBy === createdBy && !row.deletedAt;
    if (same) continue;
    // Half-way through a move the branch is in two repos: the private place wins (lib/branches/resolve).
    if (f.visibility === "public" && row.repo && row.repo !== f.repo && (await liveElsewhere(b.rfcSlug, b.displayName, f.repo))) continue;
    await db().branchMeta.update({ where: { id: row.id }, data: want });
    touched.add(b.rfcSlug);
  }

  const names = new Set(seen.map((b) => key(b.rfcSlug, b.displayName)));
  for (const row of rows) {
    if (row.repo !== f.repo || row.deletedAt || names.has(key(row.rfcSlug, row.name))) continue;
    if (await liveElsewhere(row.rfcSlug, row.name, f.repo)) continue; // it moved
    await db().branchMeta.update({ where: { id: row.id }, data: { deletedAt: new Date(), deletedBy: null } });
    touched.add(row.rfcSlug);
  }
  return [...touched];
}

/** Whether the branch has an open cached ref in another repo. */
async function liveElsewhere(rfcSlug: string, displayName: string, repo: string): Promise<boolean> {
  const other = await db().cachedBranch.findFirst({ where: { rfcSlug, displayName, state: "open", repo: { not: repo } }, select: { id: true } });
  return !!other;
}
