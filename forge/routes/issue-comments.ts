import { z } from "zod";
import { emitComment } from "../comment-events";
import { toComment } from "../convert/comment";
import { HttpError, json, parseBody, requireUser, type Ctx } from "../http";
import { repoForRead } from "../perms";
import { pullOf } from "../pull-lookup";
import { api } from "../route";
import type { CommentRec } from "../types";
import { unixParam } from "./issues";

// Issue comments (routers/api/v1/repo/issue_comment.go) on PRs, the forge's
// only issues. Anyone who may read the repo may comment (CanReadIssuesOrPulls,
// no write access needed); route order as Gitea's: reqToken → 401,
// mustNotBeArchived → 423, binding → 422. An unknown index is a 404 here
// (1.22 answers it with a 500 from GetIssueByIndex).

const CreateComment = z.object({ body: z.string({ error: "Required" }).min(1, { error: "Required" }) });

async function createComment(ctx: Ctx) {
  const repo = repoForRead(ctx); // repoAssignment before reqToken: a private repo stays a 404
  const user = requireUser(ctx);
  if (repo.archived) throw new HttpError(423, `repo is archived: ${repo.ownerName}/${repo.name}`);
  const { body } = parseBody(ctx, CreateComment);
  const { forge } = ctx;
  return forge.locks.run(`repo:${repo.id}`, async () => {
    const pr = await pullOf(ctx, repo);
    const now = Date.now();
    const comment: CommentRec = {
      id: forge.store.nextId("comment"),
      repoId: repo.id,
      issueId: pr.issueId,
      posterId: user.id,
      body,
      created: now,
      updated: now,
    };
    forge.store.state.comments.push(comment);
    pr.updated = now; // a comment bumps the issue's updated_unix (updateCommentInfos)
    forge.store.save();
    await emitComment(forge, repo, pr, comment, user);
    return json(201, toComment(forge, repo, pr, comment));
  });
}

async function listComments(ctx: Ctx) {
  const repo = repoForRead(ctx);
  const since = unixParam(ctx, "since");
  const before = unixParam(ctx, "before");
  const pr = await pullOf(ctx, repo);
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const list = ctx.forge.store.state.comments
    .filter((c) => c.issueId === pr.issueId)
    .filter((c) => since === null || seconds(c.updated) >= since)
    .filter((c) => before === null || seconds(c.updated) <= before)
    .sort((a, b) => a.created - b.created || a.id - b.id);
  const headers = { "X-Total-Count": String(list.length), "Access-Control-Expose-Headers": "X-Total-Count" };
  return json(200, list.map((c) => toComment(ctx.forge, repo, pr, c)), headers);
}

export const issueCommentRoutes = [
  api("GET", "/repos/{owner}/{repo}/issues/{index}/comments", listComments, ["issue"]),
  api("POST", "/repos/{owner}/{repo}/issues/{index}/comments", createComment, ["issue"]),
];
