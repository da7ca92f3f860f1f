import { getConfig } from "@/lib/config";
import { LEADER_LOCK, leadsReconciler } from "@/lib/cache/start";
import { getLocks } from "@/lib/coordination/locks";
import { db } from "@/lib/db/client";
import { mailProblems } from "@/lib/mail/outbox";

/** A repo whose last refresh failed, or skipped rows it could not store (issue 12). */
export type RepoProblem = { repo: string; failures: number; error: string; retryAt: string | null };

export type Health = {
  ok: boolean;
  /** ok; degraded: serving, but some repos do not refresh fully; down: database or Gitea unreachable. */
  status: "ok" | "degraded" | "down";
  repos: RepoProblem[];
  database: { ok: boolean; error?: string };
  gitea: { ok: boolean; url: string; version?: string; error?: string };
  /** Redis (COORDINATION=redis); null when this one process coordinates in memory. */
  redis: { ok: boolean; error?: string } | null;
  /** Which instance leads the §4 reconciler (null: none right now, or Redis unreachable). */
  reconciler: { instance: string; leader: string | null; leads: boolean };
  lastSweep: { startedAt: string; finishedAt: string | null; errors: number; error: string | null; instance: string | null } | null;
  invalidEntries: { slug: string; reason: string }[];
  /** Notification email (issue 14): off, or mail waiting for a retry and mail given up on. Failures degrade, never down. */
  mail: { enabled: false } | ({ enabled: true } & Awaited<ReturnType<typeof mailProblems>>);
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

/** Redis answers and names the reconciler's leader; one question does both. */
async function checkCoordination(): Promise<{ redis: Health["redis"]; leader: string | null }> {
  const redis = getConfig().coordination === "redis";
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no answer within 3 s")), 3000)));
  try {
    const leader = await Promise.race([getLocks().holder(LEADER_LOCK), late]);
    return { redis: redis ? { ok: true } : null, leader };
  } catch (err) {
    return { redis: { ok: false, error: err instanceof Error ? err.message : String(err) }, leader: null };
  } finally {
    clearTimeout(timer);
  }
}

export async function getHealth(): Promise<Health> {
  const [database, gitea, coordination] = await Promise.all([checkDatabase(), checkGitea(), checkCoordination()]);
  const { redis } = coordination;
  const reconciler = { instance: getConfig().instanceId, leader: coordination.leader, leads: leadsReconciler() };
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
        instance: run.instance,
      };
    const invalid = await db().cachedRfc.findMany({
      where: { invalidReason: { not: null } },
      select: { slug: true, invalidReason: true },
    });
    invalidEntries = invalid.map((r) => ({ slug: r.slug, reason: r.invalidReason ?? "" }));
  }
  const repos = database.ok ? await repoProblems() : [];
  const mail: Health["mail"] = getConfig().mail && database.ok ? { enabled: true, ...(await mailProblems()) } : { enabled: false };
  const mailFailing = mail.enabled && mail.failed.length > 0;
  const ok = database.ok && gitea.ok && (redis?.ok ?? true);
  return { ok, status: !ok ? "down" : repos.length || mailFailing ? "degraded" : "ok", repos, database, gitea, redis, reconciler, lastSweep, invalidEntries, mail };
}

async function repoProblems(): Promise<RepoProblem[]> {
  const rows = await db().repoSync.findMany({
    where: { OR: [{ failures: { gt: 0 } }, { lastError: { not: null } }] },
    select: { repo: true, failures: true, lastError: true, backoffUntil: true },
    orderBy: { repo: "asc" },
  });
  return rows.map((r) => ({ repo: r.repo, failures: r.failures, error: r.lastError ?? "", retryAt: r.backoffUntil?.toISOString() ?? null }));
}
