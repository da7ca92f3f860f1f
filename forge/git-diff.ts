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

/** Files changed from `from` (null = empty tree) to `to`, with line counts. */
export async function diffFiles(gitDir: string, from: string | null, to: string, renames = true): Promise<FileDiff[]> {
  const base = ["diff-tree", "-r", "-z", renames ? "-M" : "--no-renames", from ?? EMPTY_TREE, to];
  const [names, nums] = await Promise.all([git(gitDir, [...base, "--name-status"]), git(gitDir, [...base, "--numstat"])]);
  const files: FileDiff[] = [];
  const ns = names.split("\0");
  for (let i = 0; i < ns.length - 1; ) {
    const code = ns[i++];
    if (!code) break;
    const letter = code[0];
    const previous = letter === "R" || letter === "C" ? ns[i++] : "";
    const filename = ns[i++];
    files.push({ filename, previous, status: STATUS[letter] ?? "modified", additions: 0, deletions: 0 });
  }
  const parts = nums.split("\0");
  for (let i = 0, f = 0; i < parts.length && f < files.length; f++) {
    const [a, d, inline] = parts[i++].split("\t");
    if (inline === "") i += 2; // rename: old and new path follow
    files[f].additions = Number(a) || 0;
    files[f].deletions = Number(d) || 0;
  }
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
export async function commitFileLists(gitDir: string, sha: string, firstParent: string | null) {
  const files = await diffFiles(gitDir, firstParent, sha, false);
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
