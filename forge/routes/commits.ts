import { isEmptyRepo } from "../convert/repo";
import { toApiCommit, type CommitOptions } from "../convert/commit";
import { gitDirOf } from "../forge";
import { mergeBase } from "../git";
import { commitInfo, countCommits, log } from "../git-read";
import { boolQuery, HttpError, json, notFound, type Ctx } from "../http";
import { pageHeaders, pageOpts } from "../paging";
import { repoForRead } from "../perms";
import { resolveRef } from "../refs";
import { api } from "../route";

// Commits (routers/api/v1/repo/commits.go): list (newest first, 409 on an
// empty repo), one commit, and compare base...head.

const commitOptions = (ctx: Ctx): CommitOptions => ({
  stat: boolQuery(ctx, "stat", true),
  files: boolQuery(ctx, "files", true),
  verification: boolQuery(ctx, "verification", true),
});

async function mapLimit<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

export const commitRoutes = [
  api("GET", "/repos/{owner}/{repo}/commits", async (ctx) => {
    const repo = repoForRead(ctx);
    const gitDir = gitDirOf(ctx.forge, repo);
    if (isEmptyRepo(gitDir)) throw new HttpError(409, "Git Repository is empty.");
    const resolved = await resolveRef(gitDir, ctx.query.get("sha") || repo.defaultBranch);
    if (!resolved) throw notFound();
    const not = ctx.query.get("not") ? await resolveRef(gitDir, ctx.query.get("not")!) : null;
    if (ctx.query.get("not") && !not) throw notFound();
    const filter = { path: ctx.query.get("path") || undefined, not: not?.sha };
    const o = pageOpts(ctx);
    const [total, infos] = await Promise.all([
      countCommits(gitDir, resolved.sha, filter),
      log(gitDir, resolved.sha, { ...filter, skip: o.skip, max: o.limit }),
    ]);
    const opts = commitOptions(ctx);
    const data = await mapLimit(infos, 8, (c) => toApiCommit(ctx.forge, repo, gitDir, c, opts));
    return json(200, data, pageHeaders(ctx, total, o, true));
  }, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/git/commits/{sha}", async (ctx) => {
    const repo = repoForRead(ctx);
    const gitDir = gitDirOf(ctx.forge, repo);
    const resolved = await resolveRef(gitDir, ctx.params.sha);
    if (!resolved) throw notFound();
    const info = await commitInfo(gitDir, resolved.sha);
    return json(200, await toApiCommit(ctx.forge, repo, gitDir, info, commitOptions(ctx)));
  }, ["repository"]),

  api("GET", "/repos/{owner}/{repo}/compare/{basehead*}", async (ctx) => {
    const repo = repoForRead(ctx);
    const gitDir = gitDirOf(ctx.forge, repo);
    const spec = ctx.params.basehead;
    const sep = spec.includes("...") ? "..." : "..";
    const [baseName, headName] = [spec.slice(0, spec.indexOf(sep)), spec.slice(spec.indexOf(sep) + sep.length)];
    if (!spec.includes(sep)) throw notFound();
    // 1.22's parseCompareInfo resolves branch and tag names only: a commit id is 404 (FACTS §7.1).
    const names = !ctx.forge.gitea.compareByCommitId;
    const [base, head] = await Promise.all([resolveRef(gitDir, baseName, { names }), resolveRef(gitDir, headName, { names })]);
    if (!base || !head) throw notFound();
    const mb = (await mergeBase(gitDir, base.sha, head.sha)) ?? undefined;
    const infos = await log(gitDir, head.sha, { not: mb });
    const opts = { stat: true, files: boolQuery(ctx, "files", true), verification: boolQuery(ctx, "verification", true) };
    const commits = await mapLimit(infos, 8, (c) => toApiCommit(ctx.forge, repo, gitDir, c, opts));
    return json(200, { total_commits: commits.length, commits });
  }, ["repository"]),
];
