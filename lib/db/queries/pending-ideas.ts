import "server-only";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { prSummary } from "@/lib/prs/pr-summary";

// §7.3 pending ideas: open `propose/*` PRs on the meta repo, newest first.

export type PendingIdea = {
  number: number;
  slug: string;
  title: string;
  summary: string;
  proposedBy: string;
  openedAt: Date;
  /** From the idea's entry file (§7.3), once the cache has read it. */
  tags: string[];
};

export async function listPendingIdeas(): Promise<PendingIdea[]> {
  const rows = await db().cachedPr.findMany({
    where: { kind: "idea", state: "open" },
    orderBy: [{ openedAt: "desc" }, { number: "desc" }],
    select: { number: true, rfcSlug: true, title: true, body: true, openedBy: true, openedAt: true, ideaTags: true },
  });
  return rows.map((r) => ({
    number: r.number,
    slug: r.rfcSlug,
    title: r.title.replace(/^Idea:\s*/, ""),
    summary: prSummary(r.body),
    proposedBy: r.openedBy,
    openedAt: r.openedAt,
    tags: parseList(r.ideaTags),
  }));
}

/** True when the slug is taken by an entry on main or an open idea (§7 slug rule). */
export async function isSlugTaken({ slug }: { slug: string }): Promise<boolean> {
  const [entry, idea] = await Promise.all([
    db().cachedRfc.findUnique({ where: { slug }, select: { slug: true } }),
    db().cachedPr.findFirst({ where: { kind: "idea", state: "open", rfcSlug: slug }, select: { id: true } }),
  ]);
  return !!entry || !!idea;
}
