import "server-only";
import { Prisma } from "@prisma/client";
import { rowLifecycle, type RowLifecycle } from "@/lib/lifecycle/row";
import { parseList } from "@/lib/db/json";
import { rawDate } from "@/lib/db/raw-date";
import { ENTRY_STATES, type EntryState } from "@/lib/entries/schema";

// The SQL the catalog's reads share (§7): what a listed RFC is, its row, and
// the tag and owner filters, over the indexes of prisma/sql/catalog-search.sql
// (prisma/postgres/sql on PostgreSQL). Raw SQL because Prisma cannot query a
// full-text index; every value is bound, and the SQL is what SQLite and
// PostgreSQL both read (the full-text part differs: search-index.ts).

export type CatalogFilters = { state?: EntryState; tag?: string; owner?: string; q?: string };

export type CatalogRfc = {
  slug: string;
  title: string;
  state: EntryState;
  rfcId: string | null;
  owners: string[];
  tags: string[];
  summary: string;
  lastActivityAt: Date;
  /** Withdrawn or decided, or the motion and its final comment period (§3, lib/lifecycle/row.ts). */
  lifecycle: RowLifecycle | null;
};

export type StateCounts = Record<EntryState, number>;

/** A listed RFC: a valid entry in a state of §3 (ideas are PRs, not rows). */
export const LISTED = Prisma.sql`c."invalidReason" IS NULL AND c.state IN (${Prisma.join([...ENTRY_STATES])})`;

/** The columns a catalog row needs; never the body. */
export const ROW_COLUMNS = Prisma.sql`c.slug, c.title, c.state, c."rfcId", c.owners, c.arbiters, c.tags, c.summary, c."lastActivityAt", c.frontmatter`;

/** Most recently active first; the slug breaks ties (descending too, so the index serves the order). */
export const ACTIVITY_ORDER = Prisma.sql`c."lastActivityAt" DESC, c.slug DESC`;

/** The tag and owner filters on `c` by slug, through their own indexed tables. */
export function facetConditions(f: CatalogFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.tag) out.push(Prisma.sql`c.slug IN (SELECT "rfcSlug" FROM "CachedRfcTag" WHERE tag = ${f.tag})`);
  if (f.owner) out.push(Prisma.sql`c.slug IN (SELECT "rfcSlug" FROM "CachedRfcOwner" WHERE login = ${f.owner})`);
  return out;
}

export const and = (conds: Prisma.Sql[]) => (conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`);

export type RawRow = {
  slug: string;
  title: string;
  state: string;
  rfcId: string | null;
  owners: string;
  tags: string;
  summary: string;
  lastActivityAt: Date | string;
  arbiters: string;
  frontmatter: string;
};

/** A row as the catalog shows it, its lifecycle as of `now`: read once for a page, so its rows are judged at one instant. */
export function toCatalogRfc(r: RawRow, now: number): CatalogRfc {
  const owners = parseList(r.owners);
  return {
    slug: r.slug,
    title: r.title,
    state: r.state as EntryState,
    rfcId: r.rfcId || null,
    owners,
    tags: parseList(r.tags),
    summary: r.summary,
    lastActivityAt: rawDate(r.lastActivityAt),
    lifecycle: rowLifecycle({ state: r.state, frontmatter: r.frontmatter, owners, arbiters: parseList(r.arbiters), now }),
  };
}

/** How many listed RFCs there are, and how many of each state match the filters (the state filter aside). */
export type CatalogCounts = { all: number; matching: StateCounts; matchingTotal: number };

/** Counts per state from the database's rows, any state outside §3 dropped; a state without a row has none. */
export function catalogCounts(all: number, perState: Iterable<[string, bigint | number | null]>): CatalogCounts {
  const matching = Object.fromEntries(ENTRY_STATES.map((s) => [s, 0])) as StateCounts;
  for (const [state, n] of perState) if (Object.hasOwn(matching, state)) matching[state as EntryState] = Number(n ?? 0);
  return { all, matching, matchingTotal: Object.values(matching).reduce((a, b) => a + b, 0) };
}

/** A count query's rows, one per state: how many listed RFCs it holds and how many of them match. */
export type StateCountRow = { state: string; total: bigint | number; matching: bigint | number | null };

export const tallyCounts = (rows: StateCountRow[]): CatalogCounts =>
  catalogCounts(
    rows.reduce((a, r) => a + Number(r.total), 0),
    rows.map((r) => [r.state, r.matching]),
  );
