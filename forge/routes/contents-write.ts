import { z } from "zod";
import { unsignedVerification, toFileCommit } from "../convert/commit";
import { toContents } from "../convert/contents";
import { gitDirOf } from "../forge";
import { commitInfo } from "../git-read";
import { BadBase64, FileMissing, ShaMismatch } from "../files-check";
import { changeFiles, type BeforeRefUpdate, type ChangeOptions } from "../files-service";
import { HttpError, internal, json, parseBody, type Ctx } from "../http";
import { racingPush } from "../race";
import { repoForWrite } from "../perms";
import { branchNameField } from "./branches";
import { api } from "../route";
import type { RepoRec } from "../types";

// Contents writes (FACTS §5): POST create 201, PUT update 200, DELETE 200,
// POST /contents several files in one commit 201; errors mapped as the
// configured Gitea release maps them (profile.ts legacyContentsErrors).

const Identity = z.object({ name: z.string().optional(), email: z.string().optional() }).optional();
const common = {
  message: z.string().optional(),
  // FileOptions: `branch` and `new_branch` are GitRefName;MaxSize(100) (FACTS §7.4).
  branch: branchNameField().optional(),
  new_branch: branchNameField().optional(),
  author: Identity,
  committer: Identity,
  dates: z.object({ author: z.string().optional(), committer: z.string().optional() }).optional(),
  signoff: z.boolean().optional(),
};
const CreateFile = z.object({ ...common, content: z.string({ error: "Required" }) });
const UpdateFile = z.object({ ...common, content: z.string({ error: "Required" }), sha: z.string({ error: "Required" }).min(1), from_path: z.string().optional() });
const DeleteFile = z.object({ ...common, sha: z.string({ error: "Required" }).min(1) });
const ChangeFiles = z.object({
  ...common,
  files: z.array(
    z.object({
      operation: z.enum(["create", "update", "delete"]),
      path: z.string().min(1),
      content: z.string().optional(),
      sha: z.string().optional(),
      from_path: z.string().optional(),
    }),
  ).min(1),
});

async function respond(ctx: Ctx, repo: RepoRec, result: Awaited<ReturnType<typeof changeFiles>>) {
  const gitDir = gitDirOf(ctx.forge, repo);
  const info = await commitInfo(gitDir, result.sha);
  const ref = { name: result.branch, kind: "branch" as const };
  const contents = await Promise.all(
    result.files.map(async (f) => {
      const w = result.written.find((x) => x.path === f.path);
      if (!w) return null;
      const entry = { name: f.path.split("/").pop()!, path: f.path, mode: w.mode, type: "file" as const, sha: w.sha, size: w.content.length };
      return toContents(ctx.forge, repo, gitDir, ref, entry, result.sha, true, w.content);
    }),
  );
  return { contents, commit: toFileCommit(ctx.forge, repo, info), verification: unsignedVerification() };
}

type Operation = "create" | "update" | "delete" | "files";

/** The error Gitea's handler makes of a contents failure (FACTS §5 table, §7.5). */
function asGitea(ctx: Ctx, err: unknown, operation: Operation): unknown {
  if (!ctx.forge.gitea.legacyContentsErrors) return err;
  // 1.22 DeleteFile maps a stale sha to 400 and a missing file to 404 itself.
  if (operation === "delete") return err instanceof ShaMismatch ? new HttpError(400, err.message) : err;
  return err instanceof BadBase64 || err instanceof FileMissing ? internal() : err;
}

/** The `race` fault: a concurrent push lands just before this write moves the branch. */
const raceOf = (ctx: Ctx, repo: RepoRec): BeforeRefUpdate | undefined =>
  ctx.fault?.phase === "race" ? (branch) => racingPush(ctx.forge, repo, branch) : undefined;

async function single(ctx: Ctx, operation: "create" | "update" | "delete") {
  const { repo, user } = repoForWrite(ctx);
  const schema = operation === "create" ? CreateFile : operation === "update" ? UpdateFile : DeleteFile;
  const body = parseBody(ctx, schema) as z.infer<typeof UpdateFile>;
  const path = ctx.params.filepath;
  const op = { operation, path, content: body.content, sha: body.sha, from_path: body.from_path };
  const opts: ChangeOptions = { ...body, files: [op], message: body.message || undefined };
  if (!opts.message) opts.message = `${{ create: "Add", update: "Update", delete: "Delete" }[operation]} ${path.replace(/^\/+/, "")}`;
  try {
    const out = await respond(ctx, repo, await changeFiles(ctx.forge, repo, user, opts, raceOf(ctx, repo)));
    return { content: out.contents[0], commit: out.commit, verification: out.verification };
  } catch (err) {
    throw asGitea(ctx, err, operation);
  }
}

export const contentsWriteRoutes = [
  api("POST", "/repos/{owner}/{repo}/contents/{filepath*}", async (ctx) => json(201, await single(ctx, "create")), ["repository"]),
  api("PUT", "/repos/{owner}/{repo}/contents/{filepath*}", async (ctx) => json(200, await single(ctx, "update")), ["repository"]),
  api("DELETE", "/repos/{owner}/{repo}/contents/{filepath*}", async (ctx) => json(200, await single(ctx, "delete")), ["repository"]),
  api("POST", "/repos/{owner}/{repo}/contents", async (ctx) => {
    const { repo, user } = repoForWrite(ctx);
    const body = parseBody(ctx, ChangeFiles);
    try {
      const out = await respond(ctx, repo, await changeFiles(ctx.forge, repo, user, body, raceOf(ctx, repo)));
      return json(201, { files: out.contents, commit: out.commit, verification: out.verification });
    } catch (err) {
      throw asGitea(ctx, err, "files");
    }
  }, ["repository"]),
];
