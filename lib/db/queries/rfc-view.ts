import "server-only";
import { cache } from "react";
import type { Actor, Role } from "@/lib/auth/permissions";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { findRfc, type Rfc } from "@/lib/rfcs/context";
import type { BranchSummary } from "@/lib/contracts";

// Reads for the RFC view page (§8.1). Database only — the cache (§4) and the
// app's tables (§5); the page never calls Gitea while rendering (§2).
//
// React cache() compares arguments by identity, so these take primitives: an
// object built per call ({ slug }) would never hit, and the layout, the page
// and generateMetadata would each read again.

/** The RFC's cached entry (the one loader, lib/rfcs/context.ts), or null for an unknown slug. Shared by the page's components. */
export const getRfcForView = cache(async (slug: string): Promise<Rfc | null> => findRfc(slug));

/**
 * The RFC's branches that `user` may see, main first (docs/API.md
 * BranchSummary): the same rows the branches route answers, so the page and
 * the API never disagree. Private branches of others are left out (§6).
 */
export function listBranchesForView(slug: string, user: Actor | null): Promise<BranchSummary[]> {
  return branchesFor(slug, user?.id ?? null, user?.login ?? "", user?.role ?? "contributor");
}

const branchesFor = cache(async (slug: string, id: number | null, login: string, role: Role): Promise<BranchSummary[]> => {
  const rfc = await getRfcForView(slug);
  return rfc ? listBranchSummaries(rfc, id === null ? null : { id, login, role }) : [];
});
