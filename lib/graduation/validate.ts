import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { getRepo } from "@/lib/gitea";
import { isSlugLocked } from "./lock";
import { formatRfcId, rfcNumber } from "./patterns";
import { recoverGraduation } from "./recover";
import { latestGraduation, runningGraduations } from "./store";
import type { GraduationSnapshot } from "./types";

// §13.2/§13.3 uniqueness rules. A running Graduation row reserves its id and
// repo name, so two graduations of different slugs cannot pick the same ones
// while neither has reached the catalog yet.

/**
 * Running rows: each reserves its id and repo name. The app is one process
 * (§4.2) and its lock lives in memory, so a running row whose slug nobody
 * holds was left by a process that stopped mid-way: it is completed or
 * rolled back first (recover.ts). `lockedByCaller` is the slug the caller
 * just locked itself: its rows cannot be live either.
 */
export async function inFlightGraduations(lockedByCaller?: string): Promise<GraduationSnapshot[]> {
  const live: GraduationSnapshot[] = [];
  for (const row of await runningGraduations()) {
    if (row.slug !== lockedByCaller && !(await isSlugLocked(row.slug))) await recoverGraduation(row.graduationId, row.slug).catch(() => undefined);
    const now = await latestGraduation(row.slug);
    if (now?.graduationId === row.graduationId && now.status === "running" && row.slug !== lockedByCaller) live.push(now);
  }
  return live;
}

/** The slug's latest graduation, an orphaned running one (see above) completed or rolled back first. */
export async function latestSettledGraduation(slug: string): Promise<GraduationSnapshot | null> {
  const last = await latestGraduation(slug);
  if (last?.status !== "running" || (await isSlugLocked(slug))) return last;
  await recoverGraduation(last.graduationId, slug).catch((err: unknown) => console.warn(`[quorum] recovering the graduation of ${slug}:`, err));
  return latestGraduation(slug);
}

/** Why the id cannot be used by `slug`, or null when it is free. */
export async function rfcIdTakenReason(rfcId: string, slug: string, inFlight: GraduationSnapshot[]): Promise<string | null> {
  const n = rfcNumber(rfcId);
  const rows = await db().cachedRfc.findMany({
    where: { rfcId: { not: null }, slug: { not: slug } },
    select: { slug: true, rfcId: true },
  });
  const holder = rows.find((r) => rfcNumber(r.rfcId) === n);
  if (holder) return `${rfcId} is already the id of "${holder.slug}"`;
  const pending = inFlight.find((g) => g.slug !== slug && rfcNumber(g.rfcId) === n);
  if (pending) return `${rfcId} is being given to "${pending.slug}" right now`;
  return null;
}

/** Why the repo name cannot be used, or null when it is free: one getRepo in Gitea. */
export async function repoTakenReason(name: string, slug: string, inFlight: GraduationSnapshot[]): Promise<string | null> {
  const { org } = getConfig();
  const full = `${org}/${name}`;
  const pending = inFlight.find((g) => g.slug !== slug && g.repo.toLowerCase() === full.toLowerCase());
  if (pending) return `${full} is being created for "${pending.slug}" right now`;
  if (await getRepo({ owner: org, repo: name })) return `${full} already exists in Gitea`;
  return null;
}

/** The next free id: one past the highest in the catalog or in flight. */
export async function suggestNextRfcId(inFlight: GraduationSnapshot[]): Promise<string> {
  const rows = await db().cachedRfc.findMany({ where: { rfcId: { not: null } }, select: { rfcId: true } });
  const numbers = [...rows.map((r) => rfcNumber(r.rfcId)), ...inFlight.map((g) => rfcNumber(g.rfcId))];
  const highest = Math.max(0, ...numbers.filter((n): n is number => n !== null));
  return formatRfcId(highest + 1);
}
