import "server-only";
import { nowMs } from "@/lib/clock";
import { hasHit, parseHighlighted, type Highlighted } from "@/lib/catalog/highlight";
import { hasSearchTerms } from "@/lib/catalog/search-query";
import { toCatalogRfc, type CatalogFilters, type CatalogRfc } from "./catalog-sql";
import { searchIndex } from "./search-index";

// §7 full-text search over titles, summaries and bodies (issue 15), a title
// hit ranked above a summary hit above a body hit, through the database's
// full-text index (search-index.ts: FTS5 on SQLite, tsvector on PostgreSQL).

export type CatalogHit = CatalogRfc & {
  /** The title with the matched words marked. */
  titleMarked: Highlighted;
  /** A short passage of the summary or the body around the matched words; empty when only the title matched. */
  snippet: Highlighted;
};

/**
 * One page of search results, best first; passages are built for that page
 * only. An input with nothing searchable gives no results.
 */
export async function searchCatalog({ filters, page, pageSize }: { filters: CatalogFilters; page: number; pageSize: number }): Promise<CatalogHit[]> {
  if (!filters.q || !hasSearchTerms(filters.q)) return [];
  const rows = await searchIndex().hits({ q: filters.q, filters, limit: pageSize, offset: (page - 1) * pageSize });
  const now = nowMs();
  return rows.map((r) => {
    const summary = parseHighlighted(r.summaryMarked, { markdown: true });
    const body = parseHighlighted(r.bodyMarked, { markdown: true });
    // The summary is shown when the words are in it, else the body's passage.
    const snippet = hasHit(summary) ? summary : hasHit(body) ? body : [];
    return { ...toCatalogRfc(r, now), titleMarked: parseHighlighted(r.titleMarked), snippet };
  });
}
