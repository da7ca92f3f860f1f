import { db } from "@/lib/db/client";
import { skipNotesAfter } from "./skipped-rows";

// Per-repo bookkeeping for the reconciler (§4): what it last saw and the
// back-off after errors, so a failing repo is skipped for a while instead of
// stalling every sweep.

const BASE_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** 15 s, 30 s, 60 s … capped at an hour. */
export function backoffDelayMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

export async function markRepoSynced(
  repo: string,
  facts: { updatedAt?: string | null; rfcSlug?: string | null; mainHeadSha?: string | null; skipped?: string[]; reread?: (note: string) => boolean },
): Promise<void> {
  // Rows skipped as unstorable (skipped-rows.ts) stay on record as the
  // repo's problem, which /api/health reports, until a run that re-read them skips none.
  let skipped = facts.skipped ?? [];
  if (facts.reread) {
    const prev = await db().repoSync.findUnique({ where: { repo }, select: { lastError: true } });
    skipped = skipNotesAfter(prev?.lastError ?? null, skipped, facts.reread);
  }
  const data = {
    failures: 0,
    backoffUntil: null,
    lastError: skipped.length ? skipped.join("; ").slice(0, 500) : null,
    syncedAt: new Date(),
    ...(facts.updatedAt !== undefined ? { updatedAt: facts.updatedAt } : {}),
    ...(facts.rfcSlug !== undefined ? { rfcSlug: facts.rfcSlug } : {}),
    ...(facts.mainHeadSha !== undefined ? { mainHeadSha: facts.mainHeadSha } : {}),
  };
  await db().repoSync.upsert({ where: { repo }, create: { repo, ...data }, update: data });
}

export async function markRepoFailed(repo: string, error: unknown): Promise<{ failures: number; backoffUntil: Date }> {
  const message = error instanceof Error ? error.message : String(error);
  const prev = await db().repoSync.findUnique({ where: { repo }, select: { failures: true } });
  const failures = (prev?.failures ?? 0) + 1;
  const backoffUntil = new Date(Date.now() + backoffDelayMs(failures));
  const data = { failures, backoffUntil, lastError: message.slice(0, 500) };
  await db().repoSync.upsert({ where: { repo }, create: { repo, ...data }, update: data });
  return { failures, backoffUntil };
}

export async function getRepoMainHead(repo: string): Promise<string | null> {
  const row = await db().repoSync.findUnique({ where: { repo }, select: { mainHeadSha: true } });
  return row?.mainHeadSha ?? null;
}
