import type { Branch } from "gitea-js";
import { db } from "@/lib/db/client";
import { getRepo, GiteaError, listBranches, splitFullName } from "@/lib/gitea";
import { cachedReaders, companionReaders, syncCompanionCollaborators } from "@/lib/private/collaborators";
import { parseCompanionDescription, type CompanionFacts } from "@/lib/private/names";
import { syncBranchRows } from "./branch-rows";
import { commitTime } from "./refresh-meta-branches";

/**
 * Refreshes a private companion repo (lib/private): every branch but its
 * main is a private branch of the RFC its description names, cut by the
 * creator it names. The repo's facts are read from Gitea the first time the
 * cache meets it (its description marker), which is also when its
 * collaborators are checked, so a rebuilt cache puts right a repo whose
 * readers drifted while nobody was looking. A repo that is gone leaves its
 * branches deleted (§11.5). Returns the slugs touched.
 */
export async function refreshPrivateRepo(repo: string): Promise<{ slug: string | null; slugs: string[] }> {
  const ref = splitFullName(repo);
  let facts: CompanionFacts | null = await db().cachedPrivateRepo.findUnique({ where: { repo }, select: { rfcSlug: true, home: true, creator: true } })
    .then((r) => (r ? { slug: r.rfcSlug, home: r.home, creator: r.creator } : null));
  let branches: Branch[];
  if (!facts) {
    const info = await getRepo(ref);
    facts = parseCompanionDescription(info?.description);
    if (!info || !facts) return { slug: null, slugs: [] }; // not one of ours
    await db().cachedPrivateRepo.create({ data: { repo, rfcSlug: facts.slug, home: facts.home, creator: facts.creator } });
    const scope = await cachedReaders(facts.slug);
    if (scope) await syncCompanionCollaborators(ref, companionReaders(scope, facts.creator));
  }
  try {
    branches = await listBranches(ref);
  } catch (err) {
    if (!(err instanceof GiteaError && err.status === 404)) throw err;
    branches = []; // the repo is gone: its branches keep their rows as deleted (§11.5)
  }
  const { slug, home, creator } = facts;
  const seen = branches
    .filter((b) => b.name && b.name !== "main")
    .map((b) => ({ rfcSlug: slug, name: b.name ?? "", displayName: b.name ?? "", headSha: b.commit?.id ?? "", lastCommitAt: commitTime(b) }));
  const slugs = await syncBranchRows(repo, seen, { home, registry: { visibility: "private", creator } });
  return { slug, slugs };
}
