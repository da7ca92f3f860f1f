import "server-only";
import { countCatalog, listCatalogOverview, listCatalogPage, type CatalogCounts, type CatalogFilters, type CatalogRfc } from "@/lib/db/queries/catalog";
import { searchCatalog, type CatalogHit } from "@/lib/db/queries/catalog-search";
import type { EntryState } from "@/lib/entries/schema";
import { hasSearchTerms } from "./search-query";

// What the catalog page shows for its URL (§7), in one of three shapes, each
// bounded by a page whatever the number of RFCs (issue 15):
//  - overview: the first few RFCs of every state, with "all N" links;
//  - state: one state's RFCs, a page at a time, most recently active first;
//  - search: the RFCs matching the words, best first, with marked passages.

export const PAGE_SIZE = 25;
export const OVERVIEW_PER_STATE = 8;

type Paged = { page: number; pages: number };

export type CatalogView = { counts: CatalogCounts; filters: CatalogFilters } & (
  | { kind: "overview"; groups: { state: EntryState; total: number; rfcs: CatalogRfc[] }[] }
  | ({ kind: "state"; state: EntryState; rfcs: CatalogRfc[] } & Paged)
  | ({ kind: "search"; hits: CatalogHit[] } & Paged)
);

const pagesOf = (n: number) => Math.max(1, Math.ceil(n / PAGE_SIZE));

export async function loadCatalogView(filters: CatalogFilters, page: number): Promise<CatalogView> {
  // Words with nothing searchable (only punctuation) are no search; the box keeps them.
  const searching = !!filters.q && hasSearchTerms(filters.q);
  if (searching) {
    const [counts, hits] = await Promise.all([countCatalog({ filters }), searchCatalog({ filters, page, pageSize: PAGE_SIZE })]);
    const total = filters.state ? counts.matching[filters.state] : counts.matchingTotal;
    return { kind: "search", counts, filters, hits, page, pages: pagesOf(total) };
  }
  const browse = { ...filters, q: undefined };
  if (filters.state) {
    const state = filters.state;
    const [counts, rfcs] = await Promise.all([countCatalog({ filters: browse }), listCatalogPage({ filters: browse, state, page, pageSize: PAGE_SIZE })]);
    return { kind: "state", counts, filters, state, rfcs, page, pages: pagesOf(counts.matching[state]) };
  }
  const [counts, rfcs] = await Promise.all([countCatalog({ filters: browse }), listCatalogOverview({ filters: browse, perState: OVERVIEW_PER_STATE })]);
  const groups = Object.entries(counts.matching)
    .map(([state, total]) => ({ state: state as EntryState, total, rfcs: rfcs.filter((r) => r.state === state) }))
    .filter((g) => g.total > 0);
  return { kind: "overview", counts, filters, groups };
}
