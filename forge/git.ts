import { spawn } from "node:child_process";

// Runs the real `git` CLI against a bare repository, as Gitea does (FACTS §6).

export const ZERO_SHA = "0000000000000000000000000000000000000000";

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed (${code}): ${stderr.trim()}`);
  }
}

export interface GitOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are not errors (default [0]). */
  ok?: number[];
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

let inherited: Record<string, string | undefined> | null = null;

function baseEnv(gitDir: string): Record<string, string | undefined> {
  // Copied once: reading process.env key by key costs ~0.2 ms a git process.
  if (!inherited) {
    inherited = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_")) inherited[k] = v;
  }
  // Ignore the machine's git config (signing, hooks paths, templates).
  return { ...inherited, GIT_DIR: gitDir, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
}

export function runGit(gitDir: string, args: string[], opts: GitOptions = {}): Promise<GitResult> {
  const fullArgs = ["-c", "core.quotePath=false", ...args];
  return new Promise((resolve, reject) => {
    const env = { ...baseEnv(gitDir), ...opts.env } as NodeJS.ProcessEnv;
    const child = spawn("git", fullArgs, { env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.stdin.on("error", () => undefined); // git may exit before reading stdin
    child.on("close", (code) => {
      const result = { code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") };
      if ((opts.ok ?? [0]).includes(result.code)) resolve(result);
      else reject(new GitError(args, result.code, result.stderr));
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** stdout as text without the trailing newline. */
export async function git(gitDir: string, args: string[], opts: GitOptions = {}): Promise<string> {
  const { stdout } = await runGit(gitDir, args, opts);
  return stdout.toString("utf8").replace(/\n$/, "");
}

/** The sha a ref or revision points to, or null when it does not resolve. */
export async function resolveRev(gitDir: string, rev: string): Promise<string | null> {
  if (!rev || rev.startsWith("-")) return null;
  const { code, stdout } = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { ok: [0, 1, 128] });
  return code === 0 ? stdout.toString().trim() : null;
}

export async function branchSha(gitDir: string, branch: string): Promise<string | null> {
  const { code, stdout } = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`], { ok: [0, 1, 128] });
  return code === 0 ? stdout.toString().trim() : null;
}

export async function listBranches(gitDir: string): Promise<{ name: string; sha: string }[]> {
  const out = await git(gitDir, ["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads/"]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => ({ sha: line.slice(0, 40), name: line.slice(41).replace(/^refs\/heads\//, "") }));
}

/** Moves a ref only if it still points at `oldSha` (ZERO_SHA = must not exist). */
export async function updateRef(gitDir: string, ref: string, newSha: string, oldSha: string): Promise<void> {
  await git(gitDir, ["update-ref", ref, newSha, oldSha]);
}

export async function deleteRef(gitDir: string, ref: string, oldSha: string): Promise<void> {
  await git(gitDir, ["update-ref", "-d", ref, oldSha]);
}

export async function initBare(gitDir: string, defaultBranch: string): Promise<void> {
  await runGit(gitDir, ["init", "--quiet", "--bare", `--initial-branch=${defaultBranch}`, gitDir]);
}

/** Commits reachable from `to` but not from `from`, newest first. */
export async function revList(gitDir: string, to: string, from?: string, extra: string[] = []): Promise<string[]> {
  const args = ["rev-list", ...extra, to, ...(from && from !== ZERO_SHA ? [`^${from}`] : []), "--"];
  return (await git(gitDir, args)).split("\n").filter(Boolean);
}

export async function mergeBase(gitDir: string, a: string, b: string): Promise<string | null> {
  const { code, stdout } = await runGit(gitDir, ["merge-base", a, b], { ok: [0, 1] });
  return code === 0 ? stdout.toString().trim() : null;
}

export async function isAncestor(gitDir: string, ancestor: string, of: string): Promise<boolean> {
  const { code } = await runGit(gitDir, ["merge-base", "--is-ancestor", ancestor, of], { ok: [0, 1] });
  return code === 0;
}

/** `git merge-tree --write-tree` (works on bare repos): the merged tree, or conflict. */
export async function mergeTree(gitDir: string, base: string, head: string): Promise<{ tree: string; conflict: boolean }> {
  const { code, stdout } = await runGit(
    gitDir,
    ["merge-tree", "--write-tree", "--no-messages", "--allow-unrelated-histories", base, head],
    { ok: [0, 1] },
  );
  return { tree: stdout.toString().split("\n")[0].trim(), conflict: code === 1 };
}

export async function treeOf(gitDir: string, commit: string): Promise<string> {
  return git(gitDir, ["rev-parse", `${commit}^{tree}`]);
}
