import type { RfcScope } from "@/lib/auth/permissions";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { addCollaborator, GiteaError, listCollaborators, removeCollaborator, splitFullName, type RepoRef } from "@/lib/gitea";

// Who Gitea lets read a private companion repo (README "What private
// means"): the branch creator and the RFC's owners and arbiters, with read
// access — Quorum's bot writes. Org owners (the bot, and whoever the Gitea
// admins made owners) see every repo anyway and are never listed.

// Imported by the cache refresh, which runs outside Next too (npm run
// cache:rebuild): no server-only module here, so the RFC's owners and
// arbiters are read from the cached entry directly.

const lower = (s: string) => s.toLowerCase();

/** The cached entry's owners and arbiters, or null for an unknown slug. */
export async function cachedReaders(slug: string): Promise<RfcScope | null> {
  const row = await db().cachedRfc.findUnique({ where: { slug }, select: { owners: true, arbiters: true } });
  return row ? { owners: parseList(row.owners), arbiters: parseList(row.arbiters) } : null;
}

export function companionReaders(scope: RfcScope, creator: string): string[] {
  const bot = lower(getConfig().botUser);
  const seen = new Map<string, string>();
  for (const login of [creator, ...scope.owners, ...scope.arbiters]) {
    if (login && lower(login) !== bot && !seen.has(lower(login))) seen.set(lower(login), login);
  }
  return [...seen.values()];
}

export type CollaboratorSync = { repo: string; added: string[]; removed: string[]; unknown: string[] };

/** Makes the repo's collaborators exactly `readers` (read access). A login Gitea does not know is reported, not fatal. */
export async function syncCompanionCollaborators(repo: RepoRef, readers: string[]): Promise<CollaboratorSync> {
  const current = (await listCollaborators(repo)).map((u) => u.login ?? "").filter(Boolean);
  const want = new Set(readers.map(lower));
  const have = new Set(current.map(lower));
  const out: CollaboratorSync = { repo: `${repo.owner}/${repo.repo}`, added: [], removed: [], unknown: [] };
  for (const login of readers) {
    if (have.has(lower(login))) continue;
    try {
      await addCollaborator(repo, login, "read");
      out.added.push(login);
    } catch (err) {
      if (!(err instanceof GiteaError && err.status === 422)) throw err;
      out.unknown.push(login);
    }
  }
  for (const login of current) {
    if (want.has(lower(login))) continue;
    await removeCollaborator(repo, login);
    out.removed.push(login);
  }
  return out;
}

/**
 * Brings every private companion repo of an RFC in step with its owners and
 * arbiters (the creator of each stays). Call it whenever owners or arbiters
 * change; the cache refresh of meta entries does when it sees them change.
 */
export async function syncPrivateCollaborators(slug: string): Promise<CollaboratorSync[]> {
  const [scope, companions] = await Promise.all([
    cachedReaders(slug),
    db().cachedPrivateRepo.findMany({ where: { rfcSlug: slug }, select: { repo: true, creator: true } }),
  ]);
  if (!scope) return [];
  const out: CollaboratorSync[] = [];
  for (const c of companions) out.push(await syncCompanionCollaborators(splitFullName(c.repo), companionReaders(scope, c.creator)));
  return out;
}
