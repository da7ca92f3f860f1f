import "server-only";
import { assertCanSeeBranch, type Actor, type BranchScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getBranch } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";
import { loadRfcOrThrow, type RfcContext } from "@/lib/rfcs/context";
import { homeRepoName, mainPlace, publicPlace, type BranchPlace } from "./place";
import { resolveBranch } from "./resolve";

// A branch of an RFC as the RFC view sees it: where it lives, whether it is
// open or deleted, who cut it and who may see it (lib/branches/resolve), from
// the cache and the app's branch rows — and, for a branch cut outside the app
// that no refresh has seen yet, from Gitea.

export type BranchContext = {
  name: string; // display name (§11)
  ref: string; // Git ref in place.repo
  place: BranchPlace;
  isMain: boolean;
  state: "open" | "deleted";
  scope: BranchScope;
  headSha: string | null; // from the cache; read Gitea for the truth before writing
};

const MAIN_SCOPE: BranchScope = { createdBy: "", visibility: "public", isMain: true };

/** The branch, or 404 when it does not exist or is private to someone else (§6). */
export async function loadBranchOrThrow(rfc: RfcContext, name: string, user: Actor | null): Promise<BranchContext> {
  if (name === "main") {
    const place = mainPlace(rfc.home);
    return { name, ref: place.ref, place, isMain: true, state: "open", scope: MAIN_SCOPE, headSha: null };
  }
  const [row, refs] = await Promise.all([
    db().branchMeta.findUnique({ where: { rfcSlug_name: { rfcSlug: rfc.slug, name } } }),
    db().cachedBranch.findMany({ where: { home: homeRepoName(rfc.home), rfcSlug: rfc.slug, displayName: name } }),
  ]);
  // An app row of another home (a super-draft's branch, after graduation) is not this RFC's branch now.
  const own = row && (!row.home || row.home === homeRepoName(rfc.home)) ? row : null;
  let b = resolveBranch(rfc.home, name, refs, own);
  let headSha = b.live?.headSha ?? null;
  if (!own && !refs.length) {
    // Public by nature: a ref in the home repo, cut in Gitea and not yet cached.
    const place = publicPlace(rfc.home, name);
    const live = await getBranch(place.repo, place.ref);
    if (!live) throw notFound("Branch not found");
    headSha = live.commit?.id ?? null;
    b = { ...b, place, state: "open" };
  }
  const scope: BranchScope = { createdBy: b.createdBy, visibility: b.visibility, isMain: false };
  assertCanSeeBranch(user, { rfc: rfc.scope, branch: scope });
  return { name, ref: b.place.ref, place: b.place, isMain: false, state: b.state, scope, headSha };
}

/** Route helper: the RFC and the branch of `/api/rfcs/{slug}/branches/{branch}/…`, visibility checked. */
export async function loadRfcBranchOrThrow(slug: string, branch: string, user: Actor | null) {
  const rfc = await loadRfcOrThrow(slug);
  return { rfc, branch: await loadBranchOrThrow(rfc, branch, user) };
}
