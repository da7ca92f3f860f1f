import { forbidden, HttpError, notFound, requireUser, type Ctx } from "./http";
import type { Forge } from "./forge";
import type { OrgRec, RepoRec, UserRec } from "./types";

// Permission model: site admins, members of the owning org and the owning
// user may write; anyone may read a public repository.

export function canWrite(forge: Forge, repo: RepoRec, user: UserRec | null): boolean {
  if (!user) return false;
  return user.isAdmin || repo.ownerId === user.id || forge.store.isOrgMember(repo.ownerId, user.id);
}

export function canRead(forge: Forge, repo: RepoRec, user: UserRec | null): boolean {
  if (!repo.private) {
    const org = forge.store.orgById(repo.ownerId);
    if (!org || org.visibility === "public" || (org.visibility === "limited" && user)) return true;
  }
  return canWrite(forge, repo, user);
}

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

/** The repository for a write: 401 without a token, 403 without permission, 423 when archived. */
export function repoForWrite(ctx: Ctx, opts: { allowArchived?: boolean } = {}): { repo: RepoRec; user: UserRec } {
  const user = requireUser(ctx);
  const repo = repoForRead(ctx);
  if (!canWrite(ctx.forge, repo, user)) throw forbidden();
  if (repo.archived && !opts.allowArchived) throw new HttpError(423, `repo is archived: ${repo.ownerName}/${repo.name}`);
  return { repo, user };
}

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
