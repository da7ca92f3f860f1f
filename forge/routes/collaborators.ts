import { z } from "zod";
import { toUser } from "../convert/user";
import { forbidden, HttpError, json, noContent, notFound, parseBody, requireUser, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { accessMode, canAdmin, repoFor, repoForRead } from "../perms";
import { api } from "../route";
import type { CollaboratorRec, UserRec } from "../types";

// Repository collaborators (routers/api/v1/repo/collaborators.go, 1.22): the
// repo is resolved first (404 when the caller cannot read it), then the
// group's reqToken (401); listing and checking need any read access, adding
// and removing need repo admin (reqAdmin → 403). An unknown collaborator
// login is 422. PUT adds with write access unless `permission` says read,
// write or admin; any other value leaves the mode as it is
// (ChangeCollaborationAccessMode discards invalid modes).

const AddCollaborator = z.object({ permission: z.string().optional() });

const MODES = ["read", "write", "admin"] as const;

/** The user named by {collaborator}, or 422 as GetUserByName's IsErrUserNotExist. */
function collaboratorUser(ctx: Ctx): UserRec {
  const user = ctx.forge.store.userByName(ctx.params.collaborator);
  if (!user) throw unprocessable(`user does not exist [uid: 0, name: ${ctx.params.collaborator}]`);
  return user;
}

/** Readers only, and a signed-in caller (the /collaborators group's reqToken). */
function readerRepo(ctx: Ctx) {
  const repo = repoForRead(ctx);
  requireUser(ctx);
  return repo;
}

export const collaboratorRoutes = [
  api("GET", "/repos/{owner}/{repo}/collaborators", (ctx) => {
    const repo = readerRepo(ctx);
    const users = (repo.collaborators ?? []).map((c) => ctx.forge.store.userById(c.userId)).filter((u): u is UserRec => !!u);
    const { items, headers } = paginate(ctx, users);
    return json(200, items.map((u) => toUser(ctx.forge, u, ctx.auth.user)), headers);
  }, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/collaborators/{collaborator}", (ctx) => {
    const repo = readerRepo(ctx);
    const user = collaboratorUser(ctx);
    if (!(repo.collaborators ?? []).some((c) => c.userId === user.id)) throw notFound();
    return noContent();
  }, ["repository"]),

  api("PUT", "/repos/{owner}/{repo}/collaborators/{collaborator}", (ctx) => {
    const { repo } = repoFor(ctx, "admin", { allowArchived: true });
    const body = parseBody(ctx, AddCollaborator);
    const user = collaboratorUser(ctx);
    const list = (repo.collaborators ??= []);
    let rec = list.find((c) => c.userId === user.id);
    if (!rec) {
      rec = { userId: user.id, mode: "write" } satisfies CollaboratorRec;
      list.push(rec);
    }
    const mode = MODES.find((m) => m === body.permission);
    if (mode) rec.mode = mode;
    ctx.forge.store.save();
    return noContent();
  }, ["repository"]),

  api("DELETE", "/repos/{owner}/{repo}/collaborators/{collaborator}", (ctx) => {
    const { repo } = repoFor(ctx, "admin", { allowArchived: true });
    const user = collaboratorUser(ctx);
    // Removing someone who is not a collaborator is not an error (DeleteCollaboration).
    repo.collaborators = (repo.collaborators ?? []).filter((c) => c.userId !== user.id);
    ctx.forge.store.save();
    return noContent();
  }, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/collaborators/{collaborator}/permission", (ctx) => {
    const repo = repoForRead(ctx);
    const caller = requireUser(ctx);
    const asked = ctx.params.collaborator;
    if (!caller.isAdmin && caller.login.toLowerCase() !== asked.toLowerCase() && !canAdmin(ctx.forge, repo, caller)) {
      throw forbidden("Only admins can query all permissions, repo admins can query all repo permissions, collaborators can query only their own");
    }
    const user = ctx.forge.store.userByName(asked);
    if (!user) throw new HttpError(404, `user does not exist [uid: 0, name: ${asked}]`);
    const mode = accessMode(ctx.forge, repo, user);
    return json(200, { permission: mode, role_name: mode, user: toUser(ctx.forge, user, caller) });
  }, ["repository"]),
];
