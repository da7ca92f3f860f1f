import { git, runGit } from "./git";

// Diffs between commits: per-file statuses and line counts.

export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

export interface FileDiff {
  filename: string;
  previous: string;
  status: "added" | "deleted" | "modified" | "renamed" | "copied" | "changed";
  additions: number;
  deletions: number;
}

const STATUS: Record<string, FileDiff["status"]> = { A: "added", D: "deleted", M: "modified", R: "renamed", C: "copied", T: "changed" };

const cache = new Map<string, FileDiff[]>();

/** Files changed from `from` (null = empty tree) to `to`, with line counts when `counts` (one git process; cached: commits are immutable). */
export async function diffFiles(gitDir: string, from: string | null, to: string, renames = true, counts = true): Promise<FileDiff[]> {
  const key = [gitDir, from, to, renames, counts].join("\0");
  const hit = cache.get(key);
  if (hit) return hit;
  const args = ["diff-tree", "-r", "-z", renames ? "-M" : "--no-renames", "--raw", ...(counts ? ["--numstat"] : []), from ?? EMPTY_TREE, to];
  const tokens = (await git(gitDir, args)).split("\0");
  const files: FileDiff[] = [];
  let i = 0;
  while (i < tokens.length && tokens[i].startsWith(":")) {
    const letter = tokens[i++].split(" ").pop()![0];
    const previous = letter === "R" || letter === "C" ? tokens[i++] : "";
    files.push({ filename: tokens[i++], previous, status: STATUS[letter] ?? "modified", additions: 0, deletions: 0 });
  }
  for (let f = 0; counts && f < files.length && i < tokens.length; f++) {
    const [a, d, inline] = tokens[i++].split("\t");
    if (inline === "") i += 2; // rename: old and new path follow
    files[f].additions = Number(a) || 0;
    files[f].deletions = Number(d) || 0;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, files);
  return files;
}

export interface DiffStat {
  additions: number;
  deletions: number;
  changedFiles: number;
}

export async function diffStat(gitDir: string, from: string | null, to: string): Promise<DiffStat> {
  const files = await diffFiles(gitDir, from, to);
  return {
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
  };
}

/** added/removed/modified of one commit against its first parent (push payloads, Commit.files). */
export async function commitFileLists(gitDir: string, sha: string, firstParent: string | null, counts = false) {
  const files = await diffFiles(gitDir, firstParent, sha, false, counts);
  return {
    added: files.filter((f) => f.status === "added").map((f) => f.filename),
    removed: files.filter((f) => f.status === "deleted").map((f) => f.filename),
    modified: files.filter((f) => f.status !== "added" && f.status !== "deleted").map((f) => f.filename),
    files,
  };
}

/** The unified diff from `from` to `to` (text/plain, as `.diff`). */
export async function diffText(gitDir: string, from: string, to: string): Promise<string> {
  const { stdout } = await runGit(gitDir, ["diff", "-M", "--full-index", from, to]);
  return stdout.toString("utf8");
}
