import { z } from "zod";
import { ENTRY_STATES } from "@/lib/entries/schema";
import type { CatalogFilters } from "@/lib/db/queries/catalog";

// §7 filters live in the URL (?state=&tag=&owner=&q=), so a filtered view can
// be linked and a plain GET form works without JavaScript. A value that does
// not parse is ignored rather than failing the page.

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

const fields = {
  state: z.enum(ENTRY_STATES),
  tag: z.string().max(64),
  owner: z.string().max(64),
  q: z.string().max(200),
};

export function parseCatalogFilters(params: SearchParams): CatalogFilters {
  const out: CatalogFilters = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const parsed = fields[key].safeParse(one(params[key]));
    if (parsed.success) Object.assign(out, { [key]: parsed.data });
  }
  return out;
}

export const hasFilters = (f: CatalogFilters) => !!(f.state || f.tag || f.owner || f.q);
