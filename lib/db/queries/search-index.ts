import "server-only";
import type { Prisma } from "@prisma/client";
import { databaseProvider } from "@/lib/db/client";
import type { CatalogCounts, CatalogFilters, RawRow } from "./catalog-sql";
import { fts5SearchIndex } from "./search-index-fts5";
import { postgresSearchIndex } from "./search-index-postgres";

// The catalog's full-text index (§7) behind one interface, chosen by the
// database's engine: FTS5 on SQLite (prisma/sql/catalog-search.sql), a
// weighted tsvector with a GIN index on PostgreSQL
// (prisma/postgres/sql/catalog-search.sql). Both find the same entries for
// the same words (lib/catalog/search-query.ts) and rank a title hit above a
// summary hit above a body hit; tests/integration/catalog runs on both.
// Callers pass the search box's text only when it holds something to search
// (hasSearchTerms).

/** A hit's row with its title marked whole and passages of its summary and body (HIT_OPEN/HIT_CLOSE marks). */
export type SearchHitRow = RawRow & { titleMarked: string; summaryMarked: string; bodyMarked: string };

export interface CatalogSearchIndex {
  /** One page of the valid entries matching `q` and the filters, best first. */
  hits(args: { q: string; filters: CatalogFilters; limit: number; offset: number }): Promise<SearchHitRow[]>;
  /** How many RFCs are listed, and how many of each state match `q` and the tag and owner filters. */
  counts(q: string, filters: CatalogFilters): Promise<CatalogCounts>;
  /** A condition on the row `c`: it matches `q`. */
  matches(q: string): Prisma.Sql;
}

export function searchIndex(): CatalogSearchIndex {
  return databaseProvider() === "postgresql" ? postgresSearchIndex : fts5SearchIndex;
}
