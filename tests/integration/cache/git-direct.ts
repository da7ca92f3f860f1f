import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestForge } from "@/tests/helpers/forge";

// Commits straight into a forge repo with the git CLI, bypassing the forge's
// API (so no webhook fires): the case the reconciler exists for (§4).

export function pushDirect(forge: TestForge, fullName: string, file: string, edit: (text: string) => string, message: string): void {
  const [owner, name] = fullName.split("/");
  const bare = forge.forge.store.repoDir(owner, name);
  const work = mkdtempSync(path.join(os.tmpdir(), "quorum-clone-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: work,
      env: { ...process.env, GIT_AUTHOR_NAME: "Dana Direct", GIT_AUTHOR_EMAIL: "dana@example.test", GIT_COMMITTER_NAME: "Dana Direct", GIT_COMMITTER_EMAIL: "dana@example.test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  try {
    execFileSync("git", ["clone", "-q", "--branch", "main", bare, work], { stdio: ["ignore", "pipe", "pipe"] });
    const target = path.join(work, file);
    writeFileSync(target, edit(readFileSync(target, "utf8")));
    git("commit", "-q", "-am", message);
    git("push", "-q", "origin", "main");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Rewrites history under the cache: main is force-pushed back `commits` commits, as an admin's `git push --force` would. */
export function rewindDirect(forge: TestForge, fullName: string, commits: number): void {
  const [owner, name] = fullName.split("/");
  const bare = forge.forge.store.repoDir(owner, name);
  const head = execFileSync("git", ["rev-parse", `main~${commits}`], { cwd: bare, encoding: "utf8" }).trim();
  execFileSync("git", ["update-ref", "refs/heads/main", head], { cwd: bare });
}
