import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { waitUntil } from "../../helpers/wait";

// Where e2e builds live, in a working tree several engineers share: one
// folder per source hash (`.next-e2e/builds/<hash>`), so a run never serves
// a build that another run is replacing. A build in use carries an
// `.in-use/<pid>` marker; unused builds are removed after the next build.
// One build at a time (a directory lock): the machine has two cores.

export const E2E_ROOT = ".next-e2e";
const BUILDS = `${E2E_ROOT}/builds`;
const LOCK_DIR = `${E2E_ROOT}.lock`;
export const DONE_FILE = "quorum-source-hash";

/** The dist dir (relative to the repo root, as next.config.mjs reads NEXT_DIST_DIR) of a source hash. */
export const buildDirOf = (hash: string) => `${BUILDS}/${hash.slice(0, 16)}`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function lockHolder(lock: string): number | null {
  try {
    return Number(readFileSync(path.join(lock, "pid"), "utf8")) || null;
  } catch {
    return null; // being created or removed right now: wait a second
  }
}

export async function withBuildLock<T>(root: string, fn: () => T): Promise<T> {
  const lock = path.join(root, LOCK_DIR);
  const started = Date.now();
  await waitUntil(
    () => {
      try {
        mkdirSync(lock);
        writeFileSync(path.join(lock, "pid"), String(process.pid));
        return true;
      } catch {
        const holder = lockHolder(lock);
        // A lock whose process is gone (or older than any build) is stale.
        if ((holder !== null && !isAlive(holder)) || Date.now() - started > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
        return false;
      }
    },
    { timeoutMs: 30 * 60_000, intervalMs: 1000, what: `the e2e build lock ${lock}` },
  );
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Marks a build as served by this process (teardown calls releaseBuild). */
export function claimBuild(root: string, dir: string): void {
  const marks = path.join(root, dir, ".in-use");
  mkdirSync(marks, { recursive: true });
  writeFileSync(path.join(marks, String(process.pid)), "");
}

export function releaseBuild(root: string, dir: string): void {
  rmSync(path.join(root, dir, ".in-use", String(process.pid)), { force: true });
}

function inUse(full: string): boolean {
  const marks = path.join(full, ".in-use");
  return existsSync(marks) && readdirSync(marks).some((pid) => isAlive(Number(pid)));
}

/** Seeds a new build's webpack cache from the newest finished build: a rebuild takes a fraction of the time. */
export function seedCache(root: string, dir: string): void {
  const builds = path.join(root, BUILDS);
  if (!existsSync(builds)) return;
  const done = readdirSync(builds)
    .map((name) => path.join(builds, name))
    .filter((full) => full !== path.join(root, dir) && existsSync(path.join(full, DONE_FILE)) && existsSync(path.join(full, "cache")))
    .sort((a, b) => statSync(path.join(b, DONE_FILE)).mtimeMs - statSync(path.join(a, DONE_FILE)).mtimeMs);
  if (done[0]) cpSync(path.join(done[0], "cache"), path.join(root, dir, "cache"), { recursive: true });
}

/** Removes every build but `keep` that no live process serves (and the old flat layout). */
export function pruneBuilds(root: string, keep: string): void {
  const builds = path.join(root, BUILDS);
  for (const name of existsSync(builds) ? readdirSync(builds) : []) {
    const full = path.join(builds, name);
    if (full !== path.join(root, keep) && !inUse(full)) rmSync(full, { recursive: true, force: true });
  }
  // Before per-hash folders, builds went straight into .next-e2e/.
  const legacy = path.join(root, E2E_ROOT, "BUILD_ID");
  if (existsSync(legacy) && Date.now() - statSync(legacy).mtimeMs > 30 * 60_000)
    for (const name of readdirSync(path.join(root, E2E_ROOT)))
      if (name !== "builds") rmSync(path.join(root, E2E_ROOT, name), { recursive: true, force: true });
}
