import { git, runGit } from "./git";
import { Memo } from "./memo";

// Reading trees, blobs and history from a bare repository.

export interface TreeEntry {
  name: string;
  path: string;
  mode: string;
  type: "file" | "dir" | "symlink" | "submodule";
  sha: string;
  size: number;
}

const lit = ["--literal-pathspecs"];

function entryType(mode: string): TreeEntry["type"] {
  if (mode === "040000") return "dir";
  if (mode === "120000") return "symlink";
  if (mode === "160000") return "submodule";
  return "file";
}

function parseLsTree(out: Buffer, dir: string): TreeEntry[] {
  return out
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta, name] = [line.slice(0, line.indexOf("\t")), line.slice(line.indexOf("\t") + 1)];
      const [mode, , sha, size] = meta.split(/\s+/);
      const base = name.split("/").pop() ?? name;
      return { name: base, path: dir ? `${dir}/${base}` : base, mode, type: entryType(mode), sha, size: Number(size) || 0 };
    });
}

const entries = new Memo<TreeEntry | null>();
const lastCommitOf = new Map<string, string>(); // "<gitDir>\0<commit>\0<path>" → sha
const infos = new Memo<CommitInfo>();

/** The tree entry at `path` in `commit` (a full sha: cached), or null. */
export function entryAt(gitDir: string, commit: string, path: string): Promise<TreeEntry | null> {
  return /^[0-9a-f]{40}$/.test(commit) ? entries.get(`${gitDir}\0${commit}\0${path}`, () => readEntry(gitDir, commit, path)) : readEntry(gitDir, commit, path);
}

async function readEntry(gitDir: string, commit: string, path: string): Promise<TreeEntry | null> {
  if (!path) {
    const sha = await git(gitDir, ["rev-parse", `${commit}^{tree}`]);
    return { name: "", path: "", mode: "040000", type: "dir", sha, size: 0 };
  }
  const { stdout } = await runGit(gitDir, [...lit, "ls-tree", "-l", "-z", commit, "--", path]);
  const entry = parseLsTree(stdout, path.split("/").slice(0, -1).join("/")).find((e) => e.path === path);
  return entry ?? null;
}

/** Entries of the directory `dir` ("" = root) in `commit`. */
export async function listDir(gitDir: string, commit: string, dir: string): Promise<TreeEntry[]> {
  const { stdout } = await runGit(gitDir, ["ls-tree", "-l", "-z", dir ? `${commit}:${dir}` : `${commit}^{tree}`]);
  return parseLsTree(stdout, dir);
}

export interface GitObject {
  sha: string;
  type: string;
  body: Buffer;
}

/** Several objects by name (`<rev>`, `<rev>^{tree}`, `<rev>:<path>`) in one `git cat-file --batch`; null for a name that does not resolve. */
export async function readObjects(gitDir: string, names: string[]): Promise<(GitObject | null)[]> {
  if (!names.length) return [];
  const { stdout } = await runGit(gitDir, ["cat-file", "--batch"], { input: `${names.join("\n")}\n` });
  const objects: (GitObject | null)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = stdout.indexOf(0x0a, at);
    const header = /^([0-9a-f]{40}) (\S+) (\d+)$/.exec(stdout.toString("utf8", at, eol));
    at = eol + 1;
    if (!header) {
      objects.push(null); // "<name> missing" or "<name> ambiguous"
      continue;
    }
    const size = Number(header[3]);
    objects.push({ sha: header[1], type: header[2], body: stdout.subarray(at, at + size) });
    at += size + 1;
  }
  return objects;
}

export async function readBlob(gitDir: string, sha: string): Promise<Buffer> {
  return (await runGit(gitDir, ["cat-file", "blob", sha])).stdout;
}

/** For each path (file or dir), the last commit reachable from `commit` that touched it. */
export async function lastCommits(gitDir: string, commit: string, paths: string[]): Promise<Map<string, string>> {
  const key = (p: string) => `${gitDir}\0${commit}\0${p}`;
  const result = new Map<string, string>();
  const missing: string[] = [];
  for (const p of paths) {
    const hit = lastCommitOf.get(key(p));
    if (hit === undefined) missing.push(p);
    else result.set(p, hit);
  }
  if (missing.length) {
    const found = await walkLastCommits(gitDir, commit, missing);
    if (lastCommitOf.size > 20000) lastCommitOf.clear();
    for (const p of missing) {
      if (/^[0-9a-f]{40}$/.test(commit)) lastCommitOf.set(key(p), found.get(p) ?? "");
      result.set(p, found.get(p) ?? "");
    }
  }
  return result;
}

async function walkLastCommits(gitDir: string, commit: string, paths: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const out = await git(gitDir, [...lit, "log", "--format=%x1e%H", "--name-only", "--no-renames", commit, "--", ...paths]);
  for (const record of out.split("\x1e").filter(Boolean)) {
    const [sha, ...files] = record.split("\n").filter(Boolean);
    for (const p of paths) {
      if (found.has(p)) continue;
      if (files.some((f) => f === p || f.startsWith(`${p}/`))) found.set(p, sha);
    }
    if (found.size === paths.length) break;
  }
  return found;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

const FORMAT = "%x1e%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B%x00";

function parseLog(out: string): CommitInfo[] {
  return out
    .split("\x1e")
    .filter(Boolean)
    .map((rec) => {
      const [sha, tree, parents, an, ae, ad, cn, ce, cd, message] = rec.split("\0");
      return {
        sha,
        tree,
        parents: parents ? parents.split(" ") : [],
        author: { name: an, email: ae, date: ad },
        committer: { name: cn, email: ce, date: cd },
        message,
      };
    });
}

export interface LogOptions {
  path?: string;
  not?: string;
  skip?: number;
  max?: number;
}

function logArgs(rev: string, o: LogOptions): string[] {
  return [rev, ...(o.not ? [`^${o.not}`] : []), "--", ...(o.path ? [o.path] : [])];
}

export async function log(gitDir: string, rev: string, o: LogOptions = {}): Promise<CommitInfo[]> {
  const paging = [...(o.skip ? [`--skip=${o.skip}`] : []), ...(o.max ? [`--max-count=${o.max}`] : [])];
  const list = parseLog(await git(gitDir, [...lit, "log", `--format=${FORMAT}`, ...paging, ...logArgs(rev, o)]));
  for (const c of list) infos.set(`${gitDir}\0${c.sha}`, c);
  return list;
}

export async function countCommits(gitDir: string, rev: string, o: LogOptions = {}): Promise<number> {
  return Number(await git(gitDir, [...lit, "rev-list", "--count", ...logArgs(rev, o)]));
}

export function commitInfo(gitDir: string, sha: string): Promise<CommitInfo> {
  return infos.get(`${gitDir}\0${sha}`, async () => parseLog(await git(gitDir, ["log", "-1", `--format=${FORMAT}`, sha, "--"]))[0]);
}

/** Commit infos for several shas in one git process, in the given order. */
export async function commitInfos(gitDir: string, shas: string[]): Promise<CommitInfo[]> {
  if (!shas.length) return [];
  const out = await git(gitDir, ["log", "--no-walk=unsorted", `--format=${FORMAT}`, ...shas, "--"]);
  return parseLog(out);
}
