import { z } from "zod";
import { gitDirOf } from "../forge";
import { runGit } from "../git";
import { diffFiles, diffText, EMPTY_TREE } from "../git-diff";
import { forbidden, json, noContent, notFound, parseBody, type Ctx } from "../http";
import { paginate } from "../paging";
import { canWrite, repoForRead, repoForWrite } from "../perms";
import { mergePull } from "../pull-merge";
import { pullOf } from "../pull-lookup";
import { racingPush } from "../race";
import { api } from "../route";

// Merge a PR, ask whether it is merged, and its files / diff / patch.

// services/forms/repo_form.go MergePullRequestForm: `Do` is Required and In(...): without it 422 (FACTS §7.8).
export const MERGE_STYLES = ["merge", "rebase", "rebase-merge", "squash", "fast-forward-only", "manually-merged"] as const;

const Merge = z.object({
  Do: z.enum(MERGE_STYLES, { error: (issue) => (issue.input === undefined || issue.input === "" ? "Required" : "In") }),
  MergeTitleField: z.string().optional(),
  MergeMessageField: z.string().optional(),
  MergeCommitID: z.string().optional(),
  delete_branch_after_merge: z.boolean().optional(),
  force_merge: z.boolean().optional(),
  head_commit_id: z.string().optional(),
  merge_when_checks_succeed: z.boolean().optional(),
});

async function merge(ctx: Ctx) {
  const { repo, user } = repoForWrite(ctx);
  if (!canWrite(ctx.forge, repo, user)) throw forbidden();
  const body = parseBody(ctx, Merge);
  const pr = await pullOf(ctx, repo);
  const race = ctx.fault?.phase === "race" ? (branch: string) => racingPush(ctx.forge, repo, branch) : undefined;
  await mergePull(ctx.forge, repo, pr, user, body, race);
  return { status: 200, raw: "", contentType: "text/plain; charset=utf-8" };
}

async function files(ctx: Ctx) {
  const repo = repoForRead(ctx);
  const pr = await pullOf(ctx, repo);
  const gitDir = gitDirOf(ctx.forge, repo);
  const full = `${repo.ownerName}/${repo.name}`;
  const all = await diffFiles(gitDir, pr.mergeBase || EMPTY_TREE, pr.headSha);
  const { items, headers } = paginate(ctx, all, true);
  const data = items.map((f) => ({
    filename: f.filename,
    previous_filename: f.previous,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    html_url: `${ctx.forge.root}${full}/src/commit/${pr.headSha}/${f.filename}`,
    contents_url: `${ctx.forge.root}api/v1/repos/${full}/contents/${f.filename}?ref=${pr.headSha}`,
    raw_url: `${ctx.forge.root}${full}/raw/commit/${pr.headSha}/${f.filename}`,
  }));
  return json(200, data, headers);
}

async function diffOrPatch(ctx: Ctx) {
  const repo = repoForRead(ctx);
  const type = ctx.params.diffType;
  if (type !== "diff" && type !== "patch") throw notFound();
  const pr = await pullOf(ctx, repo);
  const gitDir = gitDirOf(ctx.forge, repo);
  const from = pr.mergeBase || EMPTY_TREE;
  const text =
    type === "diff"
      ? await diffText(gitDir, from, pr.headSha)
      : (await runGit(gitDir, ["format-patch", "--stdout", "--no-signature", `${from}..${pr.headSha}`])).stdout.toString("utf8");
  return { status: 200, raw: text, contentType: "text/plain; charset=utf-8" };
}

export const pullMergeRoutes = [
  api("POST", "/repos/{owner}/{repo}/pulls/{index}/merge", merge, ["repository"]),
  api("GET", "/repos/{owner}/{repo}/pulls/{index}/merge", async (ctx) => {
    const pr = await pullOf(ctx, repoForRead(ctx));
    if (!pr.merged) throw notFound();
    return noContent();
  }, ["repository"]),
  api("GET", "/repos/{owner}/{repo}/pulls/{index}/files", files, ["repository"]),
  api("GET", "/repos/{owner}/{repo}/pulls/{index}.{diffType}", diffOrPatch, ["repository"]),
];
