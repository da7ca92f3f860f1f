import "server-only";
import { Prisma } from "@prisma/client";
import { ELLIPSIS, HIT_CLOSE, HIT_OPEN, hasHit, parseHighlighted, type Highlighted } from "@/lib/catalog/highlight";
import { inState, toFtsQuery } from "@/lib/catalog/search-query";
import { db } from "@/lib/db/client";
import { and, facetConditionsOnSearch, ROW_COLUMNS, toCatalogRfc, type CatalogFilters, type CatalogRfc, type RawRow } from "./catalog-sql";

// §7 full-text search over titles, summaries and bodies (FTS5, issue 15),
// ranked by bm25 with a title hit worth most, then the summary, then the
// body. Only valid entries are in the index (prisma/sql/catalog-search.sql).

export type CatalogHit = CatalogRfc & {
  /** The title with the matched words marked. */
  titleMarked: Highlighted;
  /** A short passage of the summary or the body around the matched words; empty when only the title matched. */
  snippet: Highlighted;
};

// title, summary, body, state: the state column only filters.
const RANK = "bm25(10.0, 4.0, 1.0, 0.0)";
const SNIPPET_TOKENS = 18;

type HitRow = RawRow & { titleMarked: string; summaryMarked: string; bodyMarked: string };

/**
 * One page of search results, best first. FTS5 orders by rank itself
 * (`rank MATCH`), so SQLite reads rows — and FTS5 builds snippets — only for
 * the page asked for, not for every match. An input with nothing searchable
 * gives no results.
 */
export async function searchCatalog({ filters, page, pageSize }: { filters: CatalogFilters; page: number; pageSize: number }): Promise<CatalogHit[]> {
  const fts = filters.q ? toFtsQuery(filters.q) : null;
  if (!fts) return [];
  const match = filters.state ? inState(fts, filters.state) : fts;
  const marks = (col: number) =>
    col === 0
      ? Prisma.sql`highlight(s."CachedRfcSearch", 0, ${HIT_OPEN}, ${HIT_CLOSE})`
      : Prisma.sql`snippet(s."CachedRfcSearch", ${col}, ${HIT_OPEN}, ${HIT_CLOSE}, ${ELLIPSIS}, ${SNIPPET_TOKENS})`;
  const rows = await db().$queryRaw<HitRow[]>(
    Prisma.sql`SELECT ${ROW_COLUMNS}, ${marks(0)} AS "titleMarked", ${marks(1)} AS "summaryMarked", ${marks(2)} AS "bodyMarked"
      FROM "CachedRfcSearch" s JOIN "CachedRfc" c ON c.rowid = s.rowid
      WHERE s."CachedRfcSearch" MATCH ${match} AND s.rank MATCH ${RANK} AND ${and(facetConditionsOnSearch(filters))}
      ORDER BY s.rank LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  return rows.map((r) => {
    const summary = parseHighlighted(r.summaryMarked, { markdown: true });
    const body = parseHighlighted(r.bodyMarked, { markdown: true });
    // The summary is shown when the words are in it, else the body's passage.
    const snippet = hasHit(summary) ? summary : hasHit(body) ? body : [];
    return { ...toCatalogRfc(r), titleMarked: parseHighlighted(r.titleMarked), snippet };
  });
}
