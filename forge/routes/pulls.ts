import { z } from "zod";
import { toPull } from "../convert/pull";
import { gitDirOf } from "../forge";
import { branchSha, mergeBase } from "../git";
import { HttpError, json, notFound, parseBody, requireUser, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { repoForRead } from "../perms";
import { checkPull, syncRepoPulls, writePullRef } from "../pull-check";
import { duplicateOpen, pullOf } from "../pull-lookup";
import { emitPull } from "../pull-events";
import { api } from "../route";
import type { PullRec } from "../types";
import { editPull } from "./pulls-edit";

// Pull requests (routers/api/v1/repo/pull.go): create, list, get; edit in pulls-edit.ts.

const CreatePull = z.object({
  head: z.string({ error: "Required" }).min(1),
  base: z.string({ error: "Required" }).min(1),
  title: z.string().optional(),
  body: z.string().optional(),
  assignee: z.string().optional(),
  assignees: z.array(z.string()).optional(),
  labels: z.array(z.number()).optional(),
  milestone: z.number().optional(),
  due_date: z.string().optional(),
});

async function createPull(ctx: Ctx) {
  const repo = repoForRead(ctx); // repoAssignment before reqToken: a private repo stays a 404
  const user = requireUser(ctx);
  if (repo.archived) throw new HttpError(423, `repo is archived: ${repo.ownerName}/${repo.name}`);
  const body = parseBody(ctx, CreatePull);
  let head = body.head;
  const colon = head.indexOf(":");
  if (colon >= 0) {
    if (head.slice(0, colon).toLowerCase() !== repo.ownerName.toLowerCase()) throw notFound(); // forks are not supported
    head = head.slice(colon + 1);
  }
  if (head === body.base) throw unprocessable("Invalid PullRequest: There are no changes between the head and the base");
  const { forge } = ctx;
  const gitDir = gitDirOf(forge, repo);
  return forge.locks.run(`repo:${repo.id}`, async () => {
    const [headSha, baseSha] = await Promise.all([branchSha(gitDir, head), branchSha(gitDir, body.base)]);
    if (!headSha || !baseSha) throw notFound();
    duplicateOpen(ctx, { repoId: repo.id, headBranch: head, baseBranch: body.base });
    const now = Date.now();
    const pr: PullRec = {
      id: forge.store.nextId("pull"),
      issueId: forge.store.nextId("issue"),
      repoId: repo.id,
      index: repo.nextIndex++,
      title: body.title ?? "",
      body: body.body ?? "",
      posterId: user.id,
      state: "open",
      headBranch: head,
      baseBranch: body.base,
      headSha,
      baseSha,
      // Known at creation, from the compare info (routers/api/v1/repo/pull.go CreatePullRequest), even while "checking".
      mergeBase: (await mergeBase(gitDir, baseSha, headSha)) ?? "",
      status: "mergeable",
      merged: false,
      mergedAt: 0,
      mergedBy: 0,
      mergeCommitSha: "",
      created: now,
      updated: now,
      closed: 0,
    };
    await writePullRef(forge, repo, pr);
    forge.store.state.pulls.push(pr);
    // Computed at creation (services/pull/pull.go NewPullRequest), unless a
    // push to either branch is still being processed: then it starts "checking" (FACTS §7.2).
    if (forge.pullQueue.pushedRecently(repo, head) || forge.pullQueue.pushedRecently(repo, body.base)) await forge.pullQueue.add(repo, pr);
    else await checkPull(forge, repo, pr);
    forge.store.save();
    await emitPull(forge, repo, pr, "opened", user);
    return json(201, await toPull(forge, repo, pr, user));
  });
}

const SORTS: Record<string, (a: PullRec, b: PullRec) => number> = {
  oldest: (a, b) => a.created - b.created || a.id - b.id,
  recentupdate: (a, b) => b.updated - a.updated || b.id - a.id,
  leastupdate: (a, b) => a.updated - b.updated || a.id - b.id,
  newest: (a, b) => b.created - a.created || b.id - a.id,
};

export const pullRoutes = [
  api("POST", "/repos/{owner}/{repo}/pulls", createPull, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/pulls", async (ctx) => {
    const repo = repoForRead(ctx);
    await syncRepoPulls(ctx.forge, repo);
    const state = ctx.query.get("state") ?? "";
    let list = ctx.forge.store.state.pulls.filter((p) => p.repoId === repo.id);
    if (state === "open" || state === "closed") list = list.filter((p) => p.state === state);
    list.sort(SORTS[ctx.query.get("sort") ?? ""] ?? SORTS.newest);
    const { items, headers } = paginate(ctx, list);
    return json(200, await Promise.all(items.map((p) => toPull(ctx.forge, repo, p, ctx.auth.user))), headers);
  }, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/pulls/{index}", async (ctx) => {
    const repo = repoForRead(ctx);
    return json(200, await toPull(ctx.forge, repo, await pullOf(ctx, repo), ctx.auth.user));
  }, ["repository"]),

  api("PATCH", "/repos/{owner}/{repo}/pulls/{index}", editPull, ["repository"]),
];
