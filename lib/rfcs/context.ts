import "server-only";
import type { RfcScope } from "@/lib/auth/permissions";
import type { DocHome } from "@/lib/branches/names";
import { homeRepoName } from "@/lib/branches/place";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { splitFullName, type RepoRef } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";

// The RFC a request is about, from the cache (§4): its state, where its
// document lives (§3) and who steers it (§6). findRfc / loadRfcOrThrow are
// the only readers of an RFC's cache row outside lib/cache.

export type RfcContext = {
  slug: string;
  title: string;
  state: string;
  rfcId: string | null;
  home: DocHome;
  scope: RfcScope;
};

/** Super-drafts live in the meta repo; graduated RFCs (any later state) in their own repo. */
export function homeOf(rfc: { slug: string; repo: string | null }): DocHome {
  return rfc.repo ? { kind: "rfc", slug: rfc.slug, repo: rfc.repo } : { kind: "meta", slug: rfc.slug };
}

export const repoNameOf = homeRepoName;

export const repoOf = (home: DocHome): RepoRef => splitFullName(homeRepoName(home));

/** Everything the app reads of one cached RFC (§4): the context above and what pages and routes show. */
export type Rfc = RfcContext & {
  repo: string | null; // the per-RFC repo once graduated (§3)
  tags: string[];
  proposedBy: string | null;
  lastActivityAt: Date;
  mainText: string; // super-draft body, or RFC.md on main once active (§4)
  mainHeadSha: string | null; // RFC.md repo's main head (active RFCs)
  invalidReason: string | null; // the entry could not be parsed
};

/** The one reader of an RFC's cache row: null for an unknown slug. */
export async function findRfc(slug: string): Promise<Rfc | null> {
  const row = await db().cachedRfc.findUnique({ where: { slug } });
  if (!row) return null;
  return {
    slug: row.slug,
    title: row.title,
    state: row.state,
    rfcId: row.rfcId || null,
    home: homeOf(row),
    scope: { owners: parseList(row.owners), arbiters: parseList(row.arbiters), state: row.state },
    repo: row.repo || null,
    tags: parseList(row.tags),
    proposedBy: row.proposedBy || null,
    lastActivityAt: row.lastActivityAt,
    mainText: row.body,
    mainHeadSha: row.mainHeadSha,
    invalidReason: row.invalidReason,
  };
}

/** The same, 404 when the RFC is unknown. */
export async function loadRfcOrThrow(slug: string): Promise<Rfc> {
  const rfc = await findRfc(slug);
  if (!rfc) throw notFound(`No RFC "${slug}"`);
  return rfc;
}
