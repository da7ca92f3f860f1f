import { db } from "@/lib/db/client";
import { slices } from "@/lib/db/in-slices";
import { parseObject } from "@/lib/db/json";
import { entryDates } from "./entry-row";

/**
 * §7 "last activity": the latest of the entry's own dates, its branches'
 * head commits, its PRs' updates and its repo's main commit. Derived only
 * from what Gitea holds, so a rebuilt cache gives the same value.
 */
export async function recomputeActivity(slugs: string[]): Promise<void> {
  // A first sweep names every entry at once: slices keep each query under SQLite's parameter limit.
  for (const slice of slices([...new Set(slugs)])) await recomputeSlice(slice);
}

async function recomputeSlice(unique: string[]): Promise<void> {
  const [rfcs, branches, prs] = await Promise.all([
    db().cachedRfc.findMany({ where: { slug: { in: unique } }, select: { slug: true, frontmatter: true, mainCommitAt: true, lastActivityAt: true } }),
    db().cachedBranch.groupBy({ by: ["rfcSlug"], where: { rfcSlug: { in: unique } }, _max: { lastCommitAt: true } }),
    db().cachedPr.groupBy({ by: ["rfcSlug"], where: { rfcSlug: { in: unique } }, _max: { updatedAt: true } }),
  ]);
  const branchAt = new Map(branches.map((b) => [b.rfcSlug, b._max.lastCommitAt]));
  const prAt = new Map(prs.map((p) => [p.rfcSlug, p._max.updatedAt]));
  const moved: { slug: string; at: Date }[] = [];
  for (const rfc of rfcs) {
    const fm = parseObject<Record<string, unknown>>(rfc.frontmatter, {});
    const str = (k: string) => (typeof fm[k] === "string" ? (fm[k] as string) : undefined);
    const dates = [
      ...entryDates({ proposedAt: str("proposed_at") ?? "", graduatedAt: str("graduated_at") ?? "", withdrawnAt: str("withdrawn_at"), decidedAt: str("decided_at") }),
      rfc.mainCommitAt,
      branchAt.get(rfc.slug),
      prAt.get(rfc.slug),
    ].filter((d): d is Date => d instanceof Date);
    const latest = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0);
    if (latest.getTime() !== rfc.lastActivityAt.getTime()) moved.push({ slug: rfc.slug, at: latest });
  }
  // One transaction for the slice: a first fill moves every row, and a commit each would cost a disk sync each.
  if (moved.length === 1) await db().cachedRfc.update({ where: { slug: moved[0].slug }, data: { lastActivityAt: moved[0].at } });
  else if (moved.length) await db().$transaction(moved.map((m) => db().cachedRfc.update({ where: { slug: m.slug }, data: { lastActivityAt: m.at } })));
}
