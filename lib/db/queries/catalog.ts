import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { ENTRY_STATES, type EntryState } from "@/lib/entries";

// §7 catalog reads: the database only, never Gitea (§2).

export type CatalogFilters = { state?: EntryState; tag?: string; owner?: string; q?: string };

export type CatalogRfc = {
  slug: string;
  title: string;
  state: EntryState;
  rfcId: string | null;
  owners: string[];
  tags: string[];
  lastActivityAt: Date;
};

export type CatalogGroup = { state: EntryState; rfcs: CatalogRfc[] };

const loadAll = cache(async (): Promise<CatalogRfc[]> => {
  const rows = await db().cachedRfc.findMany({
    where: { state: { in: [...ENTRY_STATES] }, invalidReason: null },
    select: { slug: true, title: true, state: true, rfcId: true, owners: true, tags: true, lastActivityAt: true },
    orderBy: [{ lastActivityAt: "desc" }, { slug: "asc" }],
  });
  return rows.map((r) => ({ ...r, state: r.state as EntryState, owners: parseList(r.owners), tags: parseList(r.tags) }));
});

const matches = (rfc: CatalogRfc, f: CatalogFilters) =>
  (!f.state || rfc.state === f.state) &&
  (!f.tag || rfc.tags.includes(f.tag)) &&
  (!f.owner || rfc.owners.includes(f.owner)) &&
  (!f.q || rfc.title.toLowerCase().includes(f.q.toLowerCase()));

/** RFCs grouped by state in lifecycle order, most recently active first; empty groups are left out. */
export async function listCatalog({ filters = {} }: { filters?: CatalogFilters } = {}): Promise<CatalogGroup[]> {
  const rfcs = (await loadAll()).filter((r) => matches(r, filters));
  return ENTRY_STATES.map((state) => ({ state, rfcs: rfcs.filter((r) => r.state === state) })).filter((g) => g.rfcs.length);
}

/** The values the filter controls offer: every tag and owner in use. */
export async function listCatalogFacets(): Promise<{ tags: string[]; owners: string[]; total: number }> {
  const rfcs = await loadAll();
  const sorted = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
  return { tags: sorted(rfcs.flatMap((r) => r.tags)), owners: sorted(rfcs.flatMap((r) => r.owners)), total: rfcs.length };
}
