import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { homeOf, type RfcContext } from "@/lib/rfcs/context";
import type { BranchSummary } from "@/lib/rfc-view/api-types";

// Reads for the RFC view page (§8.1). Database only — the cache (§4) and the
// app's tables (§5); the page never calls Gitea while rendering (§2).

export type RfcForView = {
  context: RfcContext; // what lib/ helpers and can() take
  tags: string[];
  repo: string | null; // the per-RFC repo once graduated (§3)
  mainText: string; // super-draft body, or RFC.md on main once active (§4)
  invalidReason: string | null;
};

/** The RFC's cached entry, or null for an unknown slug. Shared by the page's components. */
export const getRfcForView = cache(async ({ slug }: { slug: string }): Promise<RfcForView | null> => {
  const row = await db().cachedRfc.findUnique({
    where: { slug },
    select: { slug: true, title: true, state: true, rfcId: true, repo: true, owners: true, arbiters: true, tags: true, body: true, invalidReason: true },
  });
  if (!row) return null;
  return {
    context: {
      slug: row.slug,
      title: row.title,
      state: row.state,
      rfcId: row.rfcId || null,
      home: homeOf(row),
      scope: { owners: parseList(row.owners), arbiters: parseList(row.arbiters) },
    },
    tags: parseList(row.tags),
    repo: row.repo || null,
    mainText: row.body,
    invalidReason: row.invalidReason,
  };
});

/**
 * The RFC's branches that `user` may see, main first (docs/API.md
 * BranchSummary): the same rows the branches route answers, so the page and
 * the API never disagree. Private branches of others are left out (§6).
 */
export const listBranchesForView = cache(
  async ({ rfc, user }: { rfc: RfcContext; user: Actor | null }): Promise<BranchSummary[]> => listBranchSummaries(rfc, user),
);
