import "server-only";
import { Prisma } from "@prisma/client";
import { ELLIPSIS, HIT_CLOSE, HIT_OPEN, SNIPPET_WORDS } from "@/lib/catalog/highlight";
import { inState, toFtsQuery } from "@/lib/catalog/search-query";
import { db } from "@/lib/db/client";
import { and, catalogCounts, facetConditions, ROW_COLUMNS } from "./catalog-sql";
import type { CatalogSearchIndex, SearchHitRow } from "./search-index";

// The catalog's search on SQLite: the FTS5 table CachedRfcSearch
// (prisma/sql/catalog-search.sql), ranked by bm25 with a title hit worth
// most, then the summary, then the body. Only valid entries are in it.

// title, summary, body, state: the state column only filters.
const RANK = "bm25(10.0, 4.0, 1.0, 0.0)";

const ftsOf = (q: string) => {
  const fts = toFtsQuery(q);
  if (!fts) throw new Error("search index asked for a search with nothing searchable"); // callers check hasSearchTerms
  return fts;
};

/**
 * The tag and owner filters on an FTS5 row (`s`). The unary + keeps SQLite
 * from handing the rowid set to FTS5 as a constraint, which would re-run the
 * MATCH once per member; as written the set is built once and probed.
 */
const facetsOnSearch = (f: Parameters<typeof facetConditions>[0]) =>
  facetConditions(f).map((cond) => Prisma.sql`+s.rowid IN (SELECT c.rowid FROM "CachedRfc" c WHERE ${cond})`);

export const fts5SearchIndex: CatalogSearchIndex = {
  /**
   * FTS5 orders by rank itself (`rank MATCH`), so SQLite reads rows — and
   * FTS5 builds snippets — only for the page asked for, not for every match.
   */
  hits({ q, filters, limit, offset }) {
    const fts = ftsOf(q);
    const match = filters.state ? inState(fts, filters.state) : fts;
    const snippet = (col: number) => Prisma.sql`snippet(s."CachedRfcSearch", ${col}, ${HIT_OPEN}, ${HIT_CLOSE}, ${ELLIPSIS}, ${SNIPPET_WORDS})`;
    // The body's passage is shown only when the summary has no match (catalog-search.ts): the search of a
    // long body for its best passage is skipped for the rows that will not show it.
    const bodyUnlessSummary = Prisma.sql`CASE WHEN instr(${snippet(1)}, ${HIT_OPEN}) > 0 THEN '' ELSE ${snippet(2)} END`;
    return db().$queryRaw<SearchHitRow[]>(
      Prisma.sql`SELECT ${ROW_COLUMNS}, highlight(s."CachedRfcSearch", 0, ${HIT_OPEN}, ${HIT_CLOSE}) AS "titleMarked", ${snippet(1)} AS "summaryMarked", ${bodyUnlessSummary} AS "bodyMarked"
        FROM "CachedRfcSearch" s JOIN "CachedRfc" c ON c.rowid = s.rowid
        WHERE s."CachedRfcSearch" MATCH ${match} AND s.rank MATCH ${RANK} AND ${and(facetsOnSearch(filters))}
        ORDER BY s.rank LIMIT ${limit} OFFSET ${offset}`,
    );
  },

  /**
   * The matches counted by the states CachedRfcState holds for them (one
   * join, prisma/sql/catalog-search.sql), and every listed RFC counted there
   * too: its rows are exactly the listed ones. One row, whatever matches.
   */
  async counts(q, filters) {
    const [row] = await db().$queryRaw<{ all: bigint | number; perState: string }[]>(
      Prisma.sql`SELECT (SELECT count(*) FROM "CachedRfcState") AS "all",
        (SELECT json_group_object(state, n) FROM (SELECT st.state AS state, count(*) AS n
          FROM "CachedRfcSearch" s JOIN "CachedRfcState" st ON st."rfcRowid" = s.rowid
          WHERE s."CachedRfcSearch" MATCH ${ftsOf(q)} AND ${and(facetsOnSearch(filters))} GROUP BY st.state)) AS "perState"`,
    );
    return catalogCounts(Number(row.all), Object.entries(JSON.parse(row.perState) as Record<string, number>));
  },

  /** + keeps SQLite from pushing the rowid set into the FTS5 table (see facetsOnSearch). */
  matches(q) {
    return Prisma.sql`+c.rowid IN (SELECT s.rowid FROM "CachedRfcSearch" s WHERE s."CachedRfcSearch" MATCH ${ftsOf(q)})`;
  },
};
