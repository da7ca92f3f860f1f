import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// `next build` into its own folder so the e2e suite never disturbs a running
// `npm run dev`. A build is reused only when a hash of every input file the
// build reads (tracked and untracked, .env files included) matches the one
// recorded after the last successful build: that is the reliable check the
// brief asks for. E2E_REBUILD=1 forces a build.

export const DIST_DIR = ".next-e2e";
const HASH_FILE = "quorum-source-hash";
const LOCK_DIR = `${DIST_DIR}.lock`;

// Paths the Next build never reads: tests, docs, the forge, data, build output.
const IGNORED = [/^tests\//, /^docs\//, /^forge\//, /^data\//, /^bench\//, /^\.next/, /^\.ci\//, /\.md$/, /^tsconfig\.tsbuildinfo$/];

export function sourceHash(root: string): string {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root })
    .toString("utf8")
    .split("\0")
    .filter(Boolean);
  const envFiles = [".env", ".env.local", ".env.production", ".env.production.local"];
  const files = [...new Set([...listed, ...envFiles])].filter((f) => !IGNORED.some((re) => re.test(f))).sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue; // deleted but still in the index
    hash.update(`${file}\0`).update(readFileSync(full)).update("\0");
  }
  const nextPkg = path.join(root, "node_modules/next/package.json");
  if (existsSync(nextPkg)) hash.update(readFileSync(nextPkg));
  return hash.digest("hex");
}

/** A directory lock so two engineers' e2e runs never build into one folder at once. */
async function withLock<T>(root: string, fn: () => T): Promise<T> {
  const lock = path.join(root, LOCK_DIR);
  for (let waited = 0; ; waited += 1000) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const holder = lockHolder(lock);
      // A lock whose process is gone (or older than any build) is stale.
      if ((holder !== null && !isAlive(holder)) || waited > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockHolder(lock: string): number | null {
  try {
    return Number(readFileSync(path.join(lock, "pid"), "utf8")) || null;
  } catch {
    return null; // being created or removed right now: wait a second
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Builds the app unless an identical build exists; returns whether it built. */
export function ensureBuild(root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return withLock(root, () => {
    const want = sourceHash(root);
    const marker = path.join(root, DIST_DIR, HASH_FILE);
    const have = existsSync(marker) ? readFileSync(marker, "utf8").trim() : "";
    if (have === want && process.env.E2E_REBUILD !== "1") return false;

    // next build adds `<distDir>/types/**/*.ts` to tsconfig.json's include;
    // the shared tsconfig must not change, so it is restored byte for byte.
    const tsconfig = path.join(root, "tsconfig.json");
    const before = readFileSync(tsconfig);
    rmSync(marker, { force: true });
    try {
      // --no-lint: `npm test` lints before jest runs; no need to do it twice.
      const run = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", "--no-lint"], {
        cwd: root,
        env: { ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`next build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    } finally {
      if (!readFileSync(tsconfig).equals(before)) writeFileSync(tsconfig, before);
      // Generated route types would join `tsc --noEmit` through "**/*.ts" and go stale.
      rmSync(path.join(root, DIST_DIR, "types"), { recursive: true, force: true });
    }
    writeFileSync(marker, want);
    return true;
  });
}
