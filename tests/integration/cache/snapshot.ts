import { db } from "@/lib/db/client";
import { countCatalog, listCatalogFacets, listCatalogOverview } from "@/lib/db/queries/catalog";
import { searchCatalog } from "@/lib/db/queries/catalog-search";
import { listPendingIdeas } from "@/lib/db/queries/pending-ideas";

/** Everything the cache holds that Gitea determines (row ids and refresh times left out). */
export async function cacheSnapshot() {
  const [catalog, counts, searchCounts, facets, search, ideas, rfcs, branches, privateRepos, prs] = await Promise.all([
    listCatalogOverview({ perState: 1000 }),
    countCatalog(),
    countCatalog({ filters: { q: "the" } }), // and the copy of the states the search counts by
    listCatalogFacets(),
    searchCatalog({ filters: { q: "the" }, page: 1, pageSize: 100 }), // the FTS5 index is rebuilt too (every demo RFC has a "the")
    listPendingIdeas(),
    db().cachedRfc.findMany({ orderBy: { slug: "asc" }, omit: { refreshedAt: true } }),
    db().cachedBranch.findMany({ orderBy: [{ repo: "asc" }, { name: "asc" }], omit: { id: true, refreshedAt: true } }),
    db().cachedPrivateRepo.findMany({ orderBy: { repo: "asc" }, omit: { refreshedAt: true } }),
    db().cachedPr.findMany({ orderBy: [{ repo: "asc" }, { number: "asc" }], omit: { id: true, refreshedAt: true } }),
  ]);
  return { catalog, counts, searchCounts, facets, search, ideas, rfcs, branches, privateRepos, prs };
}

export { wipeCache } from "@/lib/cache/rebuild";
