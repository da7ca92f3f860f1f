import { forbidden, HttpError, notFound, requireUser, type Ctx } from "./http";
import type { Forge } from "./forge";
import type { OrgRec, RepoRec, UserRec } from "./types";

// Access to a repository as Gitea computes it (models/perm/access
// GetUserRepoPermission): anonymous callers read public repos only; site
// admins and the owner (a user, or an org's Owners team — the forge's only
// team) have owner access; a collaborator has the mode of the collaboration;
// any other caller reads a public repo of a visible owner and nothing else.
// The API's repoAssignment answers 404 when the result is "none", so a
// private repository is indistinguishable from a missing one.

export const ACCESS_MODES = ["none", "read", "write", "admin", "owner"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

const rank = (m: AccessMode) => ACCESS_MODES.indexOf(m);
const atLeast = (have: AccessMode, want: AccessMode) => rank(have) >= rank(want);

function ownerVisible(forge: Forge, repo: RepoRec, user: UserRec | null): boolean {
  const org = forge.store.orgById(repo.ownerId);
  return !org || canSeeOrg(forge, org, user);
}

export function accessMode(forge: Forge, repo: RepoRec, user: UserRec | null): AccessMode {
  if (!user) return !repo.private && ownerVisible(forge, repo, null) ? "read" : "none";
  if (user.isAdmin || repo.ownerId === user.id || forge.store.isOrgMember(repo.ownerId, user.id)) return "owner";
  const collab = repo.collaborators?.find((c) => c.userId === user.id);
  // A collaborator reaches the repo even when its owner is a hidden org (HasOrgOrUserVisible || isCollaborator).
  if (collab) return collab.mode;
  return !repo.private && ownerVisible(forge, repo, user) ? "read" : "none";
}

export const canRead = (forge: Forge, repo: RepoRec, user: UserRec | null) => atLeast(accessMode(forge, repo, user), "read");
export const canWrite = (forge: Forge, repo: RepoRec, user: UserRec | null) => atLeast(accessMode(forge, repo, user), "write");
export const canAdmin = (forge: Forge, repo: RepoRec, user: UserRec | null) => atLeast(accessMode(forge, repo, user), "admin");

export function canSeeOrg(forge: Forge, org: OrgRec, user: UserRec | null): boolean {
  if (org.visibility === "public") return true;
  if (!user) return false;
  return org.visibility === "limited" || user.isAdmin || org.members.includes(user.id);
}

/** The repository named in the path, or 404 (also when the caller may not read it). */
export function repoForRead(ctx: Ctx): RepoRec {
  const repo = ctx.forge.store.repo(ctx.params.owner, ctx.params.repo);
  if (!repo || !canRead(ctx.forge, repo, ctx.auth.user)) throw notFound();
  return repo;
}

/**
 * The repository for an act that needs `level` access (reqRepoWriter,
 * reqAdmin, reqOwner): 401 without a token, 404 when the caller cannot even
 * read it, 403 below the level, 423 when archived.
 */
export function repoFor(ctx: Ctx, level: "write" | "admin" | "owner", opts: { allowArchived?: boolean } = {}): { repo: RepoRec; user: UserRec } {
  // repoAssignment runs before the route's reqToken: a private repo is a 404 even without a token.
  const repo = repoForRead(ctx);
  const user = requireUser(ctx);
  if (!atLeast(accessMode(ctx.forge, repo, user), level)) {
    throw forbidden(level === "write" ? undefined : `user should be ${level === "owner" ? "the owner of the repo" : "an owner or a collaborator with admin write of a repository"}`);
  }
  if (repo.archived && !opts.allowArchived) throw new HttpError(423, `repo is archived: ${repo.ownerName}/${repo.name}`);
  return { repo, user };
}

/** The repository for a write: 401 without a token, 403 without permission, 423 when archived. */
export const repoForWrite = (ctx: Ctx, opts: { allowArchived?: boolean } = {}) => repoFor(ctx, "write", opts);

/** The org named in the path; `admin` requires membership (org owners) or site admin. */
export function orgFor(ctx: Ctx, admin: boolean): OrgRec {
  const org = ctx.forge.store.orgByName(ctx.params.org);
  if (!org || !canSeeOrg(ctx.forge, org, ctx.auth.user)) throw notFound();
  if (admin) {
    const user = requireUser(ctx);
    if (!user.isAdmin && !org.members.includes(user.id)) throw forbidden("Must be an organization owner");
  }
  return org;
}
