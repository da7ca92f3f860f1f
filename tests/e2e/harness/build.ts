import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildDirOf, claimBuild, DONE_FILE, pruneBuilds, seedCache, withBuildLock } from "./build-store";

// `next build` into its own folder so the e2e suite never disturbs a running
// `npm run dev`. A build is reused only when a hash of every input file the
// build reads (tracked and untracked, .env files included) names a finished
// build: that is the reliable check. E2E_REBUILD=1 forces a build.

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

function runNextBuild(root: string, distDir: string, env: NodeJS.ProcessEnv): void {
  // `npm test` runs tsc and ESLint before jest, so the build skips both:
  // --no-lint, and the compile + generate build modes, which leave out
  // Next's whole-project type check (in a shared working tree it would fail
  // on anyone's half-written file). E2E_FULL_BUILD=1 builds the ordinary way.
  const modes = process.env.E2E_FULL_BUILD === "1" ? [[]] : [["--experimental-build-mode", "compile"], ["--experimental-build-mode", "generate"]];
  for (const mode of modes) {
    const run = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", "--no-lint", ...mode], {
      cwd: root,
      env: { ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`next build ${mode.join(" ")} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/**
 * A finished build of the current sources, built unless one exists; marked
 * in use by this process. Returns its dist dir and whether it was built now.
 */
export function ensureBuild(root: string, env: NodeJS.ProcessEnv): Promise<{ distDir: string; built: boolean }> {
  return withBuildLock(root, () => {
    const hash = sourceHash(root);
    const distDir = buildDirOf(hash);
    const marker = path.join(root, distDir, DONE_FILE);
    const reuse = existsSync(marker) && process.env.E2E_REBUILD !== "1";
    if (!reuse) {
      rmSync(path.join(root, distDir), { recursive: true, force: true });
      seedCache(root, distDir);
      // next build adds `<distDir>/types/**/*.ts` to tsconfig.json's include;
      // the shared tsconfig must not change, so it is restored byte for byte.
      const tsconfig = path.join(root, "tsconfig.json");
      const before = readFileSync(tsconfig);
      try {
        runNextBuild(root, distDir, env);
      } finally {
        if (!readFileSync(tsconfig).equals(before)) writeFileSync(tsconfig, before);
        // Generated route types would join `tsc --noEmit` through "**/*.ts" and go stale.
        rmSync(path.join(root, distDir, "types"), { recursive: true, force: true });
      }
      writeFileSync(marker, hash);
    }
    claimBuild(root, distDir);
    pruneBuilds(root, distDir);
    return { distDir, built: !reuse };
  });
}
