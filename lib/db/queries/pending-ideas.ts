import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { rawDate } from "@/lib/db/raw-date";
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

type IdeaRow = { number: number | bigint; rfcSlug: string; title: string; body: string; openedBy: string; openedAt: Date | string; ideaTags: string | null };

/**
 * Raw SQL although a findMany would say the same: Prisma 6 compiles every
 * findMany anew (its query compiler keeps no plans), and the catalog asks on
 * every request. Measured at 10,000 RFCs: 0.95 ms a call as a findMany, 0.19
 * ms as raw SQL, of a catalog page's ~30 ms of CPU (issue 15).
 */
export async function listPendingIdeas(): Promise<PendingIdea[]> {
  const rows = await db().$queryRaw<IdeaRow[]>(
    Prisma.sql`SELECT number, "rfcSlug", title, body, "openedBy", "openedAt", "ideaTags" FROM "CachedPr"
      WHERE kind = 'idea' AND state = 'open' ORDER BY "openedAt" DESC, number DESC`,
  );
  return rows.map((r) => ({
    number: Number(r.number),
    slug: r.rfcSlug,
    title: r.title.replace(/^Idea:\s*/, ""),
    summary: prSummary(r.body),
    proposedBy: r.openedBy,
    openedAt: rawDate(r.openedAt),
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
