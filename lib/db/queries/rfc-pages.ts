import "server-only";
import { Prisma } from "@prisma/client";
import { encodeCursor } from "@/lib/catalog/cursor";
import { hasSearchTerms } from "@/lib/catalog/search-query";
import { nowMs } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { RfcListPage } from "@/lib/contracts";
import { parseList } from "@/lib/db/json";
import { rawDate } from "@/lib/db/raw-date";
import { rowLifecycle } from "@/lib/lifecycle/row";
import { toRfcView } from "@/lib/rfcs/view";
import { and, facetConditions, LISTED, type CatalogFilters } from "./catalog-sql";
import { searchIndex } from "./search-index";

// GET /api/rfcs (§17): the catalog's RFCs with its filters, in slug order,
// a page at a time by keyset (lib/catalog/cursor.ts). A search filters
// without reordering, so pages stay stable while entries change.

type Row = {
  slug: string;
  title: string;
  state: string;
  rfcId: string | null;
  repo: string | null;
  owners: string;
  arbiters: string;
  tags: string;
  proposedBy: string | null;
  lastActivityAt: Date | string;
  summary: string;
  frontmatter: string;
};

const viewOf = (r: Row, now: number) => ({
  ...toRfcView({
    slug: r.slug,
    title: r.title,
    state: r.state,
    rfcId: r.rfcId || null,
    repo: r.repo || null,
    scope: { owners: parseList(r.owners), arbiters: parseList(r.arbiters) },
    tags: parseList(r.tags),
    proposedBy: r.proposedBy || null,
    lastActivityAt: rawDate(r.lastActivityAt),
  }),
  summary: r.summary,
  lifecycle: rowLifecycle({ state: r.state, frontmatter: r.frontmatter, owners: parseList(r.owners), arbiters: parseList(r.arbiters), now }),
});

export async function listRfcPage({
  filters,
  after,
  limit,
}: {
  filters: CatalogFilters;
  after: string | null;
  limit: number;
}): Promise<RfcListPage> {
  const conds = [LISTED, ...facetConditions(filters)];
  if (filters.state) conds.push(Prisma.sql`c.state = ${filters.state}`);
  if (after) conds.push(Prisma.sql`c.slug > ${after}`);
  if (filters.q) {
    if (!hasSearchTerms(filters.q)) return { rfcs: [], nextCursor: null }; // nothing searchable: nothing matches
    conds.push(searchIndex().matches(filters.q));
  }
  const rows = await db().$queryRaw<Row[]>(
    Prisma.sql`SELECT c.slug, c.title, c.state, c."rfcId", c.repo, c.owners, c.arbiters, c.tags, c."proposedBy", c."lastActivityAt", c.summary, c.frontmatter
      FROM "CachedRfc" c WHERE ${and(conds)} ORDER BY c.slug LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const now = nowMs();
  return {
    rfcs: page.map((r) => viewOf(r, now)),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].slug) : null,
  };
}
