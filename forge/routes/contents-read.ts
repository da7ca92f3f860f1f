import { toContents } from "../convert/contents";
import { gitDirOf } from "../forge";
import { entryAt, lastCommits, listDir, readBlob } from "../git-read";
import { runGit } from "../git";
import { HttpError, json, notFound, type Ctx, type Reply } from "../http";
import { repoForRead } from "../perms";
import { resolveRef, type ResolvedRef } from "../refs";
import { api } from "../route";
import type { RepoRec } from "../types";

// GET contents (file object or directory array), GET raw (FACTS §5) and GET archive.

function normalisePath(p: string): string | null {
  const parts = p.split("/").filter((x) => x !== "" && x !== ".");
  if (parts.some((x) => x === "..")) return null;
  return parts.join("/");
}

async function refOrDefault(gitDir: string, repo: RepoRec, ref: string | null): Promise<ResolvedRef> {
  const resolved = await resolveRef(gitDir, ref || repo.defaultBranch);
  if (!resolved) throw notFound();
  return resolved;
}

async function getContents(ctx: Ctx, rawPath: string): Promise<Reply> {
  const repo = repoForRead(ctx);
  const gitDir = gitDirOf(ctx.forge, repo);
  const { sha, ref } = await refOrDefault(gitDir, repo, ctx.query.get("ref"));
  const path = normalisePath(rawPath);
  if (path === null) throw notFound();
  const entry = await entryAt(gitDir, sha, path);
  if (!entry) throw notFound();
  if (entry.type !== "dir") {
    const last = await lastCommits(gitDir, sha, [path]);
    return json(200, await toContents(ctx.forge, repo, gitDir, ref, entry, last.get(path) ?? "", true));
  }
  const entries = await listDir(gitDir, sha, path);
  const last = await lastCommits(gitDir, sha, entries.map((e) => e.path));
  const list = await Promise.all(entries.map((e) => toContents(ctx.forge, repo, gitDir, ref, e, last.get(e.path) ?? "", false)));
  return json(200, list);
}

function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).includes(0);
}

async function getRaw(ctx: Ctx): Promise<Reply> {
  const repo = repoForRead(ctx);
  const gitDir = gitDirOf(ctx.forge, repo);
  let path = normalisePath(ctx.params.filepath);
  let resolved = ctx.query.get("ref") ? await resolveRef(gitDir, ctx.query.get("ref")!) : null;
  if (ctx.query.get("ref") && !resolved) throw notFound();
  if (!resolved && path) {
    // Legacy form raw/{branch}/{path}: the longest leading segments naming a branch.
    const parts = path.split("/");
    for (let i = parts.length - 1; i > 0 && !resolved; i--) {
      const candidate = await resolveRef(gitDir, parts.slice(0, i).join("/"));
      if (candidate && (await entryAt(gitDir, candidate.sha, parts.slice(i).join("/")))) {
        resolved = candidate;
        path = parts.slice(i).join("/");
      }
    }
  }
  resolved ??= await refOrDefault(gitDir, repo, null);
  const entry = path ? await entryAt(gitDir, resolved.sha, path) : null;
  if (!entry || entry.type === "dir" || entry.type === "submodule") throw notFound();
  const etag = `"${entry.sha}"`;
  const inm = ctx.req.headers["if-none-match"];
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return { status: 304, headers: { ETag: etag } };
  }
  const data = await readBlob(gitDir, entry.sha);
  const contentType = isBinary(data) ? "application/octet-stream" : "text/plain; charset=utf-8";
  return { status: 200, raw: data, contentType, headers: { ETag: etag, "Cache-Control": "private, max-age=300" } };
}

/**
 * A repo's files at a ref in one download (routers/api/v1/repo/file.go
 * GetArchive, services/repository/archiver): `<ref>.tar.gz` or `<ref>.zip`,
 * made by `git archive` with the repo's name as the folder every path is in
 * ([repository] PREFIX_ARCHIVE_FILES, on by default). An unknown format is
 * 400, an unknown ref 404.
 */
async function getArchive(ctx: Ctx): Promise<Reply> {
  const repo = repoForRead(ctx);
  const gitDir = gitDirOf(ctx.forge, repo);
  const m = /^(.+)\.(tar\.gz|zip)$/.exec(ctx.params.archive);
  if (!m) throw new HttpError(400, "unknown archive format");
  const resolved = await resolveRef(gitDir, m[1]);
  if (!resolved) throw notFound();
  const prefix = `${repo.name.toLowerCase()}/`;
  const { stdout } = await runGit(gitDir, ["archive", `--format=${m[2]}`, `--prefix=${prefix}`, resolved.sha]);
  const file = `${repo.name}-${m[1].replace(/\//g, "-")}.${m[2]}`;
  return { status: 200, raw: stdout, contentType: "application/octet-stream", headers: { "Content-Disposition": `attachment; filename="${file}"` } };
}

export const contentsReadRoutes = [
  api("GET", "/repos/{owner}/{repo}/archive/{archive*}", getArchive, ["repository"]),
  api("GET", "/repos/{owner}/{repo}/contents", (ctx) => getContents(ctx, ""), ["repository"]),
  api("GET", "/repos/{owner}/{repo}/contents/{filepath*}", (ctx) => getContents(ctx, ctx.params.filepath), ["repository"]),
  api("GET", "/repos/{owner}/{repo}/raw/{filepath*}", getRaw, ["repository"]),
];
