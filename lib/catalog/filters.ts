import { z } from "zod";
import { ENTRY_STATES } from "@/lib/entries/schema";
import type { CatalogFilters } from "@/lib/db/queries/catalog-sql";

// §7 filters and the page live in the URL (?state=&tag=&owner=&q=&page=), so
// a filtered view can be linked and a plain GET form works without
// JavaScript. A value that does not parse is ignored rather than failing the page.

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export const catalogFilterFields = {
  state: z.enum(ENTRY_STATES),
  tag: z.string().max(64),
  owner: z.string().max(64),
  q: z.string().max(200),
};

export function parseCatalogFilters(params: SearchParams): CatalogFilters {
  const out: CatalogFilters = {};
  for (const key of Object.keys(catalogFilterFields) as (keyof typeof catalogFilterFields)[]) {
    const parsed = catalogFilterFields[key].safeParse(one(params[key]));
    if (parsed.success) Object.assign(out, { [key]: parsed.data });
  }
  return out;
}

/** The 1-based page number; anything else is page 1. */
export function parseCatalogPage(params: SearchParams): number {
  const parsed = z.coerce.number().int().min(1).max(100_000).safeParse(one(params.page));
  return parsed.success ? parsed.data : 1;
}

export const hasFilters = (f: CatalogFilters) => !!(f.state || f.tag || f.owner || f.q);

/** The catalog URL for these filters and page (page 1 is left out). */
export function catalogHref(filters: CatalogFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ["q", "state", "tag", "owner"] as const) if (filters[key]) params.set(key, filters[key]!);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/?${query}` : "/";
}
