import { z } from "zod";
import { toPull } from "../convert/pull";
import { gitDirOf } from "../forge";
import { branchSha } from "../git";
import { forbidden, HttpError, json, notFound, parseBody, requireUser, unprocessable, type Ctx } from "../http";
import { canWrite, repoForRead } from "../perms";
import { checkPull, writePullRef } from "../pull-check";
import { emitPull } from "../pull-events";
import { duplicateOpen, pullOf } from "../pull-lookup";

// PATCH /pulls/{index} (EditPullRequest): title/body/base edits fire `edited`
// (one event per field, with `changes`), state changes fire `closed` /
// `reopened`; 412 when changing the state of a merged PR; answers 201.

const EditPull = z.object({
  title: z.string().optional(),
  body: z.string().optional(),
  state: z.enum(["open", "closed"]).optional(),
  base: z.string().optional(),
  assignee: z.string().optional(),
  assignees: z.array(z.string()).optional(),
  labels: z.array(z.number()).optional(),
  milestone: z.number().optional(),
  due_date: z.string().optional(),
  unset_due_date: z.boolean().optional(),
  allow_maintainer_edit: z.boolean().optional(),
});

export async function editPull(ctx: Ctx) {
  const repo = repoForRead(ctx); // repoAssignment before reqToken: a private repo stays a 404
  const user = requireUser(ctx);
  const body = parseBody(ctx, EditPull);
  const { forge } = ctx;
  return forge.locks.run(`repo:${repo.id}`, async () => {
    const pr = await pullOf(ctx, repo);
    if (!canWrite(forge, repo, user) && pr.posterId !== user.id) throw forbidden();
    if (repo.archived) throw new HttpError(423, `repo is archived: ${repo.ownerName}/${repo.name}`);
    const touch = () => {
      pr.updated = Date.now();
      forge.store.save();
    };
    if (body.title !== undefined && body.title !== pr.title) {
      const from = pr.title;
      pr.title = body.title;
      touch();
      await emitPull(forge, repo, pr, "edited", user, { title: { from } });
    }
    if (body.body !== undefined && body.body !== pr.body) {
      const from = pr.body;
      pr.body = body.body;
      touch();
      await emitPull(forge, repo, pr, "edited", user, { body: { from } });
    }
    if (body.base !== undefined && body.base !== pr.baseBranch) {
      if (pr.merged) throw new HttpError(412, "cannot change base of this pull request, it was already merged");
      if (!(await branchSha(gitDirOf(forge, repo), body.base))) throw notFound();
      if (body.base === pr.headBranch) throw unprocessable("Invalid PullRequest: There are no changes between the head and the base");
      if (pr.state === "open") duplicateOpen(ctx, { ...pr, baseBranch: body.base }, pr);
      const from = pr.baseBranch;
      pr.baseBranch = body.base;
      await checkPull(forge, repo, pr);
      touch();
      await emitPull(forge, repo, pr, "edited", user, { ref: { from } });
    }
    if (body.state !== undefined && body.state !== pr.state) {
      if (pr.merged) throw new HttpError(412, "cannot change state of this pull request, it was already merged");
      if (body.state === "closed") {
        pr.state = "closed";
        pr.closed = Date.now();
        touch();
        await emitPull(forge, repo, pr, "closed", user);
      } else {
        const head = await branchSha(gitDirOf(forge, repo), pr.headBranch);
        if (!head) throw notFound();
        duplicateOpen(ctx, pr, pr);
        pr.state = "open";
        pr.closed = 0;
        pr.headSha = head;
        await writePullRef(forge, repo, pr);
        await checkPull(forge, repo, pr);
        touch();
        await emitPull(forge, repo, pr, "reopened", user);
      }
    }
    return json(201, await toPull(forge, repo, pr, user));
  });
}
