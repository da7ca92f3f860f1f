import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";

/** A repo whose last refresh failed, or skipped rows it could not store (issue 12). */
export type RepoProblem = { repo: string; failures: number; error: string; retryAt: string | null };

export type Health = {
  ok: boolean;
  /** ok; degraded: serving, but some repos do not refresh fully; down: database or Gitea unreachable. */
  status: "ok" | "degraded" | "down";
  repos: RepoProblem[];
  database: { ok: boolean; error?: string };
  gitea: { ok: boolean; url: string; version?: string; error?: string };
  lastSweep: { startedAt: string; finishedAt: string | null; errors: number; error: string | null } | null;
  invalidEntries: { slug: string; reason: string }[];
};

async function checkDatabase(): Promise<Health["database"]> {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function checkGitea(): Promise<Health["gitea"]> {
  const url = getConfig().giteaUrl;
  try {
    const res = await fetch(`${url}/api/v1/version`, { signal: AbortSignal.timeout(3000), cache: "no-store" });
    if (!res.ok) return { ok: false, url, error: `HTTP ${res.status}` };
    const body = (await res.json()) as { version?: string };
    return { ok: true, url, version: body.version };
  } catch (err) {
    return { ok: false, url, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function getHealth(): Promise<Health> {
  const [database, gitea] = await Promise.all([checkDatabase(), checkGitea()]);
  let lastSweep: Health["lastSweep"] = null;
  let invalidEntries: Health["invalidEntries"] = [];
  if (database.ok) {
    const run = await db().sweepRun.findFirst({ orderBy: { id: "desc" } });
    if (run)
      lastSweep = {
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
        errors: run.errors,
        error: run.error,
      };
    const invalid = await db().cachedRfc.findMany({
      where: { invalidReason: { not: null } },
      select: { slug: true, invalidReason: true },
    });
    invalidEntries = invalid.map((r) => ({ slug: r.slug, reason: r.invalidReason ?? "" }));
  }
  const repos = database.ok ? await repoProblems() : [];
  const ok = database.ok && gitea.ok;
  return { ok, status: !ok ? "down" : repos.length ? "degraded" : "ok", repos, database, gitea, lastSweep, invalidEntries };
}

async function repoProblems(): Promise<RepoProblem[]> {
  const rows = await db().repoSync.findMany({
    where: { OR: [{ failures: { gt: 0 } }, { lastError: { not: null } }] },
    select: { repo: true, failures: true, lastError: true, backoffUntil: true },
    orderBy: { repo: "asc" },
  });
  return rows.map((r) => ({ repo: r.repo, failures: r.failures, error: r.lastError ?? "", retryAt: r.backoffUntil?.toISOString() ?? null }));
}
