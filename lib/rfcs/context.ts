import "server-only";
import type { RfcScope } from "@/lib/auth/permissions";
import type { DocHome } from "@/lib/branches/names";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { splitFullName, type RepoRef } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";

// The RFC an RFC-view request is about, from the cache (§4): its state, where
// its document lives (§3) and who steers it (§6).

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

export function repoOf(home: DocHome): RepoRef {
  return splitFullName(home.kind === "rfc" ? home.repo : getConfig().metaRepoFullName);
}

export const repoNameOf = (home: DocHome) => (home.kind === "rfc" ? home.repo : getConfig().metaRepoFullName);

export async function loadRfcOrThrow(slug: string): Promise<RfcContext> {
  const row = await db().cachedRfc.findUnique({
    where: { slug },
    select: { slug: true, title: true, state: true, rfcId: true, repo: true, owners: true, arbiters: true },
  });
  if (!row) throw notFound(`No RFC "${slug}"`);
  return {
    slug: row.slug,
    title: row.title,
    state: row.state,
    rfcId: row.rfcId || null,
    home: homeOf(row),
    scope: { owners: parseList(row.owners), arbiters: parseList(row.arbiters) },
  };
}
