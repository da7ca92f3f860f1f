import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { findRfc, type Rfc, type RfcContext } from "@/lib/rfcs/context";
import type { BranchSummary } from "@/lib/contracts";

// Reads for the RFC view page (§8.1). Database only — the cache (§4) and the
// app's tables (§5); the page never calls Gitea while rendering (§2).

/** The RFC's cached entry (the one loader, lib/rfcs/context.ts), or null for an unknown slug. Shared by the page's components. */
export const getRfcForView = cache(async ({ slug }: { slug: string }): Promise<Rfc | null> => findRfc(slug));

/**
 * The RFC's branches that `user` may see, main first (docs/API.md
 * BranchSummary): the same rows the branches route answers, so the page and
 * the API never disagree. Private branches of others are left out (§6).
 */
export const listBranchesForView = cache(
  async ({ rfc, user }: { rfc: RfcContext; user: Actor | null }): Promise<BranchSummary[]> => listBranchSummaries(rfc, user),
);
