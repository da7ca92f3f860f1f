import "server-only";
import { assertCanSeeBranch, type Actor, type BranchScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getBranch } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";
import { loadRfcOrThrow, repoNameOf, repoOf, type RfcContext } from "@/lib/rfcs/context";
import { gitRefOf } from "./names";

// A branch of an RFC as the RFC view sees it: app data (creator, visibility,
// deletion — BranchMeta) over the cache (head) over Gitea (for a branch cut
// outside the app that no refresh has seen yet).

export type BranchContext = {
  name: string; // display name (§11)
  ref: string; // Git ref
  isMain: boolean;
  state: "open" | "deleted";
  scope: BranchScope;
  headSha: string | null; // from the cache; read Gitea for the truth before writing
};

const MAIN_SCOPE: BranchScope = { createdBy: "", visibility: "public", isMain: true };

/** The branch, or 404 when it does not exist or is private to someone else (§6). */
export async function loadBranchOrThrow(rfc: RfcContext, name: string, user: Actor | null): Promise<BranchContext> {
  if (name === "main") {
    return { name, ref: "main", isMain: true, state: "open", scope: MAIN_SCOPE, headSha: null };
  }
  const ref = gitRefOf(rfc.home, name);
  const [meta, cached] = await Promise.all([
    db().branchMeta.findUnique({ where: { rfcSlug_name: { rfcSlug: rfc.slug, name } } }),
    db().cachedBranch.findUnique({ where: { repo_name: { repo: repoNameOf(rfc.home), name: ref } } }),
  ]);
  let headSha = cached?.headSha ?? null;
  let gone = meta?.deletedAt != null || cached?.state === "deleted";
  if (!meta && !cached) {
    const live = await getBranch(repoOf(rfc.home), ref);
    if (!live) throw notFound("Branch not found");
    headSha = live.commit?.id ?? null;
    gone = false;
  }
  const scope: BranchScope = {
    createdBy: meta?.createdBy ?? "",
    visibility: meta?.visibility === "private" ? "private" : "public",
    isMain: false,
  };
  assertCanSeeBranch(user, { rfc: rfc.scope, branch: scope });
  return { name, ref, isMain: false, state: gone ? "deleted" : "open", scope, headSha };
}

/** Route helper: the RFC and the branch of `/api/rfcs/{slug}/branches/{branch}/…`, visibility checked. */
export async function loadRfcBranchOrThrow(slug: string, branch: string, user: Actor | null) {
  const rfc = await loadRfcOrThrow(slug);
  return { rfc, branch: await loadBranchOrThrow(rfc, branch, user) };
}
