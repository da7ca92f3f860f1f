// npm run cache:rebuild — empties the cache tables and fills them again from
// Gitea with one reconciler sweep (§4, issue 12). App data is never touched
// (lib/cache/rebuild.ts lists what is). Safe while the app runs: both read
// current Gitea state, so they converge. Refuses, wiping nothing, when Gitea
// cannot be reached (with the local forge: run it with `npm run dev`).
import { loadScriptEnv } from "./script-env";

async function main(): Promise<void> {
  loadScriptEnv();
  const { getConfig } = await import("@/lib/config");
  const { rebuildCache } = await import("@/lib/cache/rebuild");
  const url = getConfig().giteaUrl;
  const version = await fetch(`${url}/api/v1/version`, { signal: AbortSignal.timeout(5000) }).catch((err: unknown) => err as Error);
  if (version instanceof Error || !version.ok) {
    console.error(`Gitea at ${url} cannot be reached (${version instanceof Error ? version.message : `HTTP ${version.status}`}): nothing was wiped.`);
    process.exit(1);
  }
  const started = Date.now();
  const run = await rebuildCache();
  const { db } = await import("@/lib/db/client");
  const [rfcs, branches, prs] = await Promise.all([db().cachedRfc.count(), db().cachedBranch.count(), db().cachedPr.count()]);
  console.log(`Cache rebuilt from ${url} in ${Date.now() - started} ms: ${rfcs} RFCs, ${branches} branches, ${prs} PRs (${run.reposRead} repos read, ${run.errors} errors).`);
  if (run.errors) console.log("Some repos did not refresh: see GET /api/health (repos) and the log above.");
  await db().$disconnect();
  process.exit(run.error ? 1 : 0);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
