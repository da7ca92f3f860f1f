import { z } from "zod";
import { toRepo } from "../convert/repo";
import { gitDirOf } from "../forge";
import { branchSha } from "../git";
import { forbidden, json, noContent, notFound, parseBody, requireUser, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { canRead, orgFor, repoFor, repoForRead } from "../perms";
import { createRepo, CreateRepo, deleteRepo } from "../repo-create";
import { repoUpdated } from "../repo-time";
import { api } from "../route";
import type { RepoRec } from "../types";

// Repositories: get, delete, edit (archive), list an org's, create in an org, search.

const EditRepo = z.object({
  description: z.string().optional(),
  private: z.boolean().optional(),
  archived: z.boolean().optional(),
  default_branch: z.string().optional(),
  website: z.string().optional(),
  name: z.string().optional(),
});

/** Repos sorted by their derived updated_at, newest first (GetUserRepositories). */
async function byUpdatedDesc(ctx: Ctx, repos: RepoRec[]): Promise<RepoRec[]> {
  const times = new Map(await Promise.all(repos.map(async (r) => [r.id, await repoUpdated(ctx.forge, r)] as const)));
  return [...repos].sort((a, b) => times.get(b.id)! - times.get(a.id)! || b.id - a.id);
}

export const repoRoutes = [
  api("GET", "/repos/{owner}/{repo}", async (ctx) => json(200, await toRepo(ctx.forge, repoForRead(ctx), ctx.auth.user)), ["repository"]),

  // reqOwner: org owners and site admins only, never a collaborator.
  api("DELETE", "/repos/{owner}/{repo}", async (ctx) => {
    const { repo, user } = repoFor(ctx, "owner", { allowArchived: true });
    await ctx.forge.locks.run(`repo:${repo.id}`, () => deleteRepo(ctx.forge, repo, user));
    return noContent();
  }, ["repository"]),

  // reqAdmin: admin collaborators, org owners, site admins.
  api("PATCH", "/repos/{owner}/{repo}", async (ctx) => {
    const { repo } = repoFor(ctx, "admin", { allowArchived: true });
    const body = parseBody(ctx, EditRepo);
    if (body.name !== undefined && body.name.toLowerCase() !== repo.name.toLowerCase()) {
      throw unprocessable("renaming repositories is not supported by the local forge");
    }
    if (body.default_branch !== undefined && body.default_branch !== repo.defaultBranch) {
      if (!(await branchSha(gitDirOf(ctx.forge, repo), body.default_branch))) throw notFound();
      repo.defaultBranch = body.default_branch;
    }
    if (body.description !== undefined) repo.description = body.description;
    if (body.private !== undefined) repo.private = body.private;
    if (body.archived !== undefined && body.archived !== repo.archived) {
      repo.archived = body.archived;
      repo.archivedAt = body.archived ? Date.now() : 0;
    }
    repo.updated = Date.now();
    ctx.forge.store.save();
    return json(200, await toRepo(ctx.forge, repo, ctx.auth.user));
  }, ["repository"]),

  api("GET", "/orgs/{org}/repos", async (ctx) => {
    const org = orgFor(ctx, false);
    const visible = ctx.forge.store.state.repos.filter((r) => r.ownerId === org.id && canRead(ctx.forge, r, ctx.auth.user));
    const { items, headers } = paginate(ctx, await byUpdatedDesc(ctx, visible));
    return json(200, await Promise.all(items.map((r) => toRepo(ctx.forge, r, ctx.auth.user))), headers);
  }, ["organization"]),

  api("POST", "/orgs/{org}/repos", async (ctx) => {
    const user = requireUser(ctx);
    const org = orgFor(ctx, false);
    if (!user.isAdmin && !org.members.includes(user.id)) throw forbidden("Given user is not allowed to create repository in organization.");
    const body = parseBody(ctx, CreateRepo);
    const repo = await ctx.forge.locks.run(`create:${org.id}`, () => createRepo(ctx.forge, org, body, user));
    return json(201, await toRepo(ctx.forge, repo, user));
  }, ["organization", "repository"]),

  api("GET", "/repos/search", async (ctx) => {
    const q = ctx.query;
    const sort = q.get("sort") || "alpha";
    const order = q.get("order") || "asc";
    if (!["asc", "desc"].includes(order)) throw unprocessable("Invalid sort order");
    if (!["alpha", "created", "updated", "size", "git_size", "lfs_size", "id", "stars", "forks"].includes(sort)) {
      throw unprocessable("Invalid sort mode");
    }
    const term = (q.get("q") ?? "").toLowerCase();
    const uid = Number(q.get("uid") || 0);
    const archived = q.get("archived");
    const isPrivate = q.get("is_private");
    let repos = ctx.forge.store.state.repos.filter((r) => canRead(ctx.forge, r, ctx.auth.user));
    if (uid) repos = repos.filter((r) => r.ownerId === uid);
    if (term) repos = repos.filter((r) => r.name.toLowerCase().includes(term) || (q.get("includeDesc") === "true" && r.description.toLowerCase().includes(term)));
    if (archived === "true" || archived === "false") repos = repos.filter((r) => r.archived === (archived === "true"));
    if (isPrivate === "true" || isPrivate === "false") repos = repos.filter((r) => r.private === (isPrivate === "true"));
    if (sort === "updated") repos = (await byUpdatedDesc(ctx, repos)).reverse();
    else if (sort === "alpha") repos.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id);
    else if (sort === "created") repos.sort((a, b) => a.created - b.created || a.id - b.id);
    else repos.sort((a, b) => a.id - b.id);
    if (order === "desc") repos.reverse();
    const { items, headers } = paginate(ctx, repos);
    const data = await Promise.all(items.map((r) => toRepo(ctx.forge, r, ctx.auth.user)));
    return json(200, { ok: true, data }, headers);
  }, ["repository"]),
];
