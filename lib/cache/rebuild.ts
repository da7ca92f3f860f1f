import { db } from "@/lib/db/client";
import { sweepOnce, type SweepResult } from "./sweep";

// §4 "deleting every cache row and waiting one reconciler sweep must give
// back the same catalog", as one command (`npm run cache:rebuild`, issue 12).
// Only the cache tables are emptied — the ones prisma/schema.prisma lists
// under "cache (§4)": what Gitea gives back. App data (users, threads,
// messages, changes, flags, notifications, the audit log, branch metadata
// with deleted branches §11.5, graduations, webhook deliveries) is never
// touched. Prisma queries only, so this holds for any database Prisma serves.

/** Empties the cache tables, in one transaction. */
export async function wipeCache(): Promise<void> {
  await db().$transaction([
    db().cachedRfc.deleteMany(),
    db().cachedBranch.deleteMany(),
    db().cachedPrivateRepo.deleteMany(),
    db().cachedPr.deleteMany(),
    db().repoSync.deleteMany(),
    db().sweepRun.deleteMany(),
  ]);
}

/** Wipes the cache and fills it again with one sweep from Gitea. */
export async function rebuildCache(): Promise<SweepResult> {
  await wipeCache();
  return sweepOnce({ trigger: "manual" });
}
