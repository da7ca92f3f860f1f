import { db } from "@/lib/db/client";
import { listCatalog, listCatalogFacets } from "@/lib/db/queries/catalog";
import { listPendingIdeas } from "@/lib/db/queries/pending-ideas";

/** Everything the cache holds that Gitea determines (row ids and refresh times left out). */
export async function cacheSnapshot() {
  const [catalog, facets, ideas, rfcs, branches, prs] = await Promise.all([
    listCatalog(),
    listCatalogFacets(),
    listPendingIdeas(),
    db().cachedRfc.findMany({ orderBy: { slug: "asc" }, omit: { refreshedAt: true } }),
    db().cachedBranch.findMany({ orderBy: [{ repo: "asc" }, { name: "asc" }], omit: { id: true, refreshedAt: true } }),
    db().cachedPr.findMany({ orderBy: [{ repo: "asc" }, { number: "asc" }], omit: { id: true, refreshedAt: true } }),
  ]);
  return { catalog, facets, ideas, rfcs, branches, prs };
}

export { wipeCache } from "@/lib/cache/rebuild";
