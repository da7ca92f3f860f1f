import { z } from "zod";
import { toRepo } from "../convert/repo";
import { toPayloadCommit } from "../convert/commit";
import { displayName, toUser } from "../convert/user";
import { gitDirOf, gitIso, type Forge } from "../forge";
import { git, runGit, ZERO_SHA } from "../git";
import { commitInfo } from "../git-read";
import { gitDate } from "../git-write";
import { conflict, HttpError, json, noContent, notFound, parseBody, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { repoForRead, repoForWrite } from "../perms";
import { resolveRef } from "../refs";
import { api } from "../route";
import type { RepoRec, UserRec } from "../types";

// Tags (routers/api/v1/repo/tag.go, services/release/release.go CreateNewTag):
// list newest first, get one, create (annotated when a message is given,
// 201 as Gitea answers although its swagger says 200; 404 target missing,
// 409 exists), delete (204, 404 missing). Creating pushes `refs/tags/<name>`
// (push, then create webhooks); deleting sends push and delete.

const CreateTag = z.object({
  tag_name: z.string({ error: "Required" }).min(1, "Required"),
  message: z.string().optional(),
  target: z.string().optional(),
});

type TagInfo = { name: string; id: string; commit: string; message: string; when: string };

const SEP = "\x1f";
// One for-each-ref: %(contents) is the tag's message, or for a lightweight
// tag the commit's (git.Tag built from a commit); %(creatordate) is the
// tagger's date or the commit's committer date.
const FORMAT = ["%(refname:strip=2)", "%(objectname)", "%(objecttype)", "%(*objectname)", "%(creatordate:iso-strict)", "%(contents)"].join(SEP);

async function listTags(gitDir: string): Promise<TagInfo[]> {
  const out = await git(gitDir, ["for-each-ref", "--sort=-creatordate", `--format=${FORMAT}%00`, "refs/tags/"]);
  return out
    .split("\0")
    .map((r) => r.replace(/^\n/, ""))
    .filter(Boolean)
    .map((row) => {
      const [name, id, type, peeled, when, message] = row.split(SEP);
      return { name, id, commit: type === "tag" ? peeled : id, message: message ?? "", when };
    });
}

function toTag(forge: Forge, repo: RepoRec, t: TagInfo) {
  const full = `${repo.ownerName}/${repo.name}`;
  return {
    name: t.name,
    message: t.message.trim(),
    id: t.id,
    commit: { url: `${forge.root}api/v1/repos/${full}/git/commits/${t.id}`, sha: t.commit, created: gitIso(t.when) },
    zipball_url: `${forge.root}${full}/archive/${t.name}.zip`,
    tarball_url: `${forge.root}${full}/archive/${t.name}.tar.gz`,
  };
}

async function tagOr404(gitDir: string, name: string): Promise<TagInfo> {
  const tag = (await listTags(gitDir)).find((t) => t.name === name);
  if (!tag) throw notFound();
  return tag;
}

async function emitTagEvents(forge: Forge, repo: RepoRec, doer: UserRec, name: string, before: string, after: string) {
  repo.updated = Date.now();
  forge.store.save();
  const repository = await toRepo(forge, repo, "full");
  const sender = toUser(forge, doer, "full");
  const created = before === ZERO_SHA;
  const head = created ? toPayloadCommit(forge, repo, await commitInfo(gitDirOf(forge, repo), after)) : null;
  const full = `${repo.ownerName}/${repo.name}`;
  forge.webhooks.emit(repo, "push", {
    ref: `refs/tags/${name}`,
    before,
    after,
    compare_url: created ? `${forge.root}${full}/compare/${before}...${after}` : "",
    commits: [],
    total_commits: 0,
    head_commit: head,
    repository,
    pusher: sender,
    sender,
  });
  if (created) forge.webhooks.emit(repo, "create", { sha: after, ref: name, ref_type: "tag", repository, sender });
  else forge.webhooks.emit(repo, "delete", { ref: name, ref_type: "tag", pusher_type: "user", repository, sender });
}

async function createTag(ctx: Ctx) {
  const { repo, user } = repoForWrite(ctx);
  const body = parseBody(ctx, CreateTag);
  const gitDir = gitDirOf(ctx.forge, repo);
  return ctx.forge.locks.run(`repo:${repo.id}`, async () => {
    const target = await resolveRef(gitDir, body.target || repo.defaultBranch);
    if (!target) throw new HttpError(404, `target not found: ${body.target || repo.defaultBranch}`);
    const { code } = await runGit(gitDir, ["check-ref-format", `refs/tags/${body.tag_name}`], { ok: [0, 1] });
    // Gitea lets git refuse the name (a 500); the forge names the problem.
    if (code !== 0 || body.tag_name.startsWith("-")) throw unprocessable(`tag name is invalid [name: ${body.tag_name}]`);
    const exists = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `refs/tags/${body.tag_name}`], { ok: [0, 1, 128] });
    if (exists.code === 0) throw conflict(`tag already exists [name: ${body.tag_name}]`);
    const env = { GIT_COMMITTER_NAME: displayName(user), GIT_COMMITTER_EMAIL: user.email, GIT_COMMITTER_DATE: gitDate() };
    if (body.message) {
      await git(gitDir, ["tag", "-a", "--no-sign", "-F", "-", body.tag_name, target.sha], { env, input: body.message });
    } else {
      await git(gitDir, ["update-ref", `refs/tags/${body.tag_name}`, target.sha, ZERO_SHA]);
    }
    await emitTagEvents(ctx.forge, repo, user, body.tag_name, ZERO_SHA, target.sha);
    return json(201, toTag(ctx.forge, repo, await tagOr404(gitDir, body.tag_name)));
  });
}

async function deleteTag(ctx: Ctx) {
  const { repo, user } = repoForWrite(ctx);
  const gitDir = gitDirOf(ctx.forge, repo);
  await ctx.forge.locks.run(`repo:${repo.id}`, async () => {
    const tag = await tagOr404(gitDir, ctx.params.tag);
    await git(gitDir, ["update-ref", "-d", `refs/tags/${tag.name}`, tag.id]);
    await emitTagEvents(ctx.forge, repo, user, tag.name, tag.commit, ZERO_SHA);
  });
  return noContent();
}

export const tagRoutes = [
  api("GET", "/repos/{owner}/{repo}/tags", async (ctx) => {
    const repo = repoForRead(ctx);
    const { items, headers } = paginate(ctx, await listTags(gitDirOf(ctx.forge, repo)));
    return json(200, items.map((t) => toTag(ctx.forge, repo, t)), headers);
  }, ["repository"]),
  api("POST", "/repos/{owner}/{repo}/tags", createTag, ["repository"]),
  api("GET", "/repos/{owner}/{repo}/tags/{tag*}", async (ctx) => {
    const repo = repoForRead(ctx);
    return json(200, toTag(ctx.forge, repo, await tagOr404(gitDirOf(ctx.forge, repo), ctx.params.tag)));
  }, ["repository"]),
  api("DELETE", "/repos/{owner}/{repo}/tags/{tag*}", deleteTag, ["repository"]),
];
