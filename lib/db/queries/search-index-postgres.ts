import "server-only";
import { Prisma } from "@prisma/client";
import { excerpt, HIT_CLOSE, HIT_OPEN, SNIPPET_WORDS } from "@/lib/catalog/highlight";
import { toTsQuery } from "@/lib/catalog/search-query";
import { db } from "@/lib/db/client";
import { ENTRY_STATES } from "@/lib/entries/schema";
import { and, facetConditions, LISTED, ROW_COLUMNS, tallyCounts, type StateCountRow } from "./catalog-sql";
import type { CatalogSearchIndex, SearchHitRow } from "./search-index";

// The catalog's search on PostgreSQL: CachedRfc."searchVector", a stored
// tsvector of title (weight A), summary (B) and body (C) under the
// configuration quorum_search (simple + unaccent), with a GIN index
// (prisma/postgres/sql/catalog-search.sql). ts_rank weighs a title hit
// above a summary hit above a body hit, as bm25's column weights do on SQLite.

// ts_rank's weights are {D, C, B, A}: body 0.1, summary 0.4, title 1.0 (the
// ratios of FTS5's bm25(10, 4, 1)). Normalisation 1 divides by the log of
// the document's length, so a word in a short entry counts more, as in bm25.
const rank = (query: Prisma.Sql) => Prisma.sql`ts_rank('{0, 0.1, 0.4, 1.0}', c."searchVector", ${query}, 1)`;

// Marks every hit in the whole column; the passages are cut in excerpt().
const HEADLINE_OPTIONS = `StartSel=${HIT_OPEN}, StopSel=${HIT_CLOSE}, HighlightAll=true`;

const tsQuery = (q: string) => {
  const text = toTsQuery(q);
  if (!text) throw new Error("search index asked for a search with nothing searchable"); // callers check hasSearchTerms
  return Prisma.sql`to_tsquery('quorum_search', ${text})`;
};

const headline = (column: Prisma.Sql) => Prisma.sql`ts_headline('quorum_search', ${column}, q.query, ${HEADLINE_OPTIONS})`;

export const postgresSearchIndex: CatalogSearchIndex = {
  /**
   * The page's rows are chosen over the index first; only they are
   * highlighted (ts_headline reads the whole text, so never for every match).
   */
  async hits({ q, filters, limit, offset }) {
    const conds = [LISTED, Prisma.sql`c."searchVector" @@ q.query`, ...facetConditions(filters)];
    if (filters.state) conds.push(Prisma.sql`c.state = ${filters.state}`);
    const rows = await db().$queryRaw<SearchHitRow[]>(
      Prisma.sql`WITH q AS (SELECT ${tsQuery(q)} AS query),
        page AS (SELECT c.slug, ${rank(Prisma.sql`q.query`)} AS rank FROM "CachedRfc" c, q WHERE ${and(conds)}
          ORDER BY rank DESC, c.slug LIMIT ${limit} OFFSET ${offset})
        SELECT ${ROW_COLUMNS}, ${headline(Prisma.sql`c.title`)} AS "titleMarked",
          ${headline(Prisma.sql`c.summary`)} AS "summaryMarked", ${headline(Prisma.sql`c.body`)} AS "bodyMarked"
        FROM page JOIN "CachedRfc" c ON c.slug = page.slug, q
        ORDER BY page.rank DESC, c.slug`,
    );
    return rows.map((r) => ({ ...r, summaryMarked: excerpt(r.summaryMarked, SNIPPET_WORDS), bodyMarked: excerpt(r.bodyMarked, SNIPPET_WORDS) }));
  },

  /**
   * One count per state over the GIN index: a filter on the grouped rows
   * would read every entry's tsvector. (The subquery's `c` is its own row;
   * the state is a constant.)
   */
  async counts(q, filters) {
    const query = tsQuery(q);
    const facets = and(facetConditions(filters));
    const perState = ENTRY_STATES.map(
      (s) => Prisma.sql`WHEN ${s} THEN (SELECT count(*) FROM "CachedRfc" c WHERE ${LISTED} AND c.state = ${s} AND c."searchVector" @@ ${query} AND ${facets})`,
    );
    const rows = await db().$queryRaw<StateCountRow[]>(
      Prisma.sql`SELECT c.state AS state, count(*) AS total, CASE c.state ${Prisma.join(perState, " ")} END AS matching FROM "CachedRfc" c WHERE ${LISTED} GROUP BY c.state`,
    );
    return tallyCounts(rows);
  },

  matches(q) {
    return Prisma.sql`c."searchVector" @@ ${tsQuery(q)}`;
  },
};
