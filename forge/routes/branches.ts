import { z } from "zod";
import { toPayloadCommit } from "../convert/commit";
import { gitDirOf, type Forge } from "../forge";
import { branchSha, deleteRef, listBranches, updateRef, ZERO_SHA } from "../git";
import { commitInfo } from "../git-read";
import { conflict, forbidden, HttpError, json, noContent, notFound, parseBody, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { canWrite, repoForRead, repoForWrite } from "../perms";
import { afterRefUpdate } from "../post-receive";
import { resolveRef } from "../refs";
import { validBranchName } from "../repo-create";
import { api } from "../route";
import type { RepoRec, UserRec } from "../types";

// Branches (routers/api/v1/repo/branch.go): list, get, create from a ref, delete.

async function toBranch(forge: Forge, repo: RepoRec, name: string, sha: string, viewer: UserRec | null) {
  const info = await commitInfo(gitDirOf(forge, repo), sha);
  const writer = canWrite(forge, repo, viewer);
  return {
    name,
    commit: toPayloadCommit(forge, repo, info),
    protected: false,
    required_approvals: 0,
    enable_status_check: false,
    status_check_contexts: [],
    user_can_push: writer,
    user_can_merge: writer,
    effective_branch_protection_name: "",
  };
}

// modules/structs/repo.go CreateBranchRepoOption: `binding:"Required;GitRefName;MaxSize(100)"` (FACTS §7.4).
export const MAX_BRANCH_NAME = 100;
/** Gitea's MaxSize counts characters (runes), not UTF-16 units. */
export const branchNameField = () => z.string({ error: "Required" }).refine((s) => [...s].length <= MAX_BRANCH_NAME, { error: "MaxSize" });

const CreateBranch = z.object({
  new_branch_name: branchNameField().refine((s) => s.length > 0, { error: "Required" }),
  old_ref_name: z.string().optional(),
  old_branch_name: z.string().optional(),
});

async function createBranch(ctx: Ctx) {
  const { repo, user } = repoForWrite(ctx);
  const body = parseBody(ctx, CreateBranch);
  const gitDir = gitDirOf(ctx.forge, repo);
  if (!(await validBranchName(ctx.forge, body.new_branch_name))) throw unprocessable(`[NewBranchName]: GitRefName`);
  // 1.22 answers 500 when neither old_ref_name nor old_branch_name is given (FACTS §7.10).
  if (ctx.forge.gitea.version === "1.22" && !body.old_ref_name && !body.old_branch_name) throw new HttpError(500, "");
  return ctx.forge.locks.run(`repo:${repo.id}`, async () => {
    const from = body.old_ref_name || body.old_branch_name || repo.defaultBranch;
    const resolved = await resolveRef(gitDir, from.replace(/^refs\/(heads|tags)\//, ""));
    if (!resolved) throw new HttpError(404, "The old branch does not exist");
    if (await branchSha(gitDir, body.new_branch_name)) throw conflict("The branch already exists.");
    try {
      await updateRef(gitDir, `refs/heads/${body.new_branch_name}`, resolved.sha, ZERO_SHA);
    } catch {
      throw conflict(`The branch with the same name ${body.new_branch_name} already exists.`);
    }
    await afterRefUpdate(ctx.forge, repo, user, { branch: body.new_branch_name, before: ZERO_SHA, after: resolved.sha });
    return json(201, await toBranch(ctx.forge, repo, body.new_branch_name, resolved.sha, user));
  });
}

export const branchRoutes = [
  api("GET", "/repos/{owner}/{repo}/branches", async (ctx) => {
    const repo = repoForRead(ctx);
    const all = (await listBranches(gitDirOf(ctx.forge, repo))).sort(
      (a, b) => Number(b.name === repo.defaultBranch) - Number(a.name === repo.defaultBranch) || a.name.localeCompare(b.name),
    );
    const { items, headers } = paginate(ctx, all);
    const data = await Promise.all(items.map((b) => toBranch(ctx.forge, repo, b.name, b.sha, ctx.auth.user)));
    return json(200, data, headers);
  }, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/branches/{branch*}", async (ctx) => {
    const repo = repoForRead(ctx);
    const sha = await branchSha(gitDirOf(ctx.forge, repo), ctx.params.branch);
    if (!sha) throw notFound();
    return json(200, await toBranch(ctx.forge, repo, ctx.params.branch, sha, ctx.auth.user));
  }, ["repository"]),

  api("POST", "/repos/{owner}/{repo}/branches", createBranch, ["repository"]),

  api("DELETE", "/repos/{owner}/{repo}/branches/{branch*}", async (ctx) => {
    const { repo, user } = repoForWrite(ctx);
    const name = ctx.params.branch;
    if (name === repo.defaultBranch) throw forbidden("can not delete default branch");
    const gitDir = gitDirOf(ctx.forge, repo);
    await ctx.forge.locks.run(`repo:${repo.id}`, async () => {
      const sha = await branchSha(gitDir, name);
      if (!sha) throw notFound();
      await deleteRef(gitDir, `refs/heads/${name}`, sha);
      await afterRefUpdate(ctx.forge, repo, user, { branch: name, before: sha, after: ZERO_SHA });
    });
    return noContent();
  }, ["repository"]),
];
