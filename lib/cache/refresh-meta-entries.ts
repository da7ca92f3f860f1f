import { metaRepo } from "@/lib/bot/meta-entry";
import { db } from "@/lib/db/client";
import { entryPath, slugOfEntryPath } from "@/lib/entries";
import { filesChangedBetween, listDir, readFile } from "@/lib/gitea";
import { applyEntryFile, CACHED_ENTRY, emptyResult, type CachedEntry, type EntriesResult } from "./entry-file";
import { mapLimit } from "./pool";

export type { EntriesResult } from "./entry-file";

/**
 * Mirrors `rfcs/*.md` on the meta repo's main (§4), at a cost in proportion
 * to what changed (issue 15: 10,000 entries). When main moved from a head
 * the cache was built from (`since`), one request for the commits since
 * (with their files) names what they touched and only those are read. Otherwise (a first sweep,
 * a history rewritten under the cache, a very long gap) one request lists the
 * folder with each file's blob sha and the files whose sha differs are read;
 * entries gone from main leave the cache. `force` re-reads every file (only
 * the benchmark's naive sweep does that).
 */
export async function refreshMetaEntries(opts: { force?: boolean; since?: { base: string; head: string } } = {}): Promise<EntriesResult> {
  if (opts.since && !opts.force) {
    const paths = await filesChangedBetween(metaRepo(), opts.since.base, opts.since.head);
    if (paths) return refreshChangedEntries(paths, opts.since.head);
  }
  return refreshAllEntries(!!opts.force);
}

async function refreshChangedEntries(paths: string[], head: string): Promise<EntriesResult> {
  const slugs = [...new Set(paths.map((p) => slugOfEntryPath(p)).filter((s): s is string => !!s))];
  const result = emptyResult();
  if (!slugs.length) return result;
  const cached: CachedEntry[] = await db().cachedRfc.findMany({ where: { slug: { in: slugs } }, select: CACHED_ENTRY });
  const bySlug = new Map(cached.map((c) => [c.slug, c]));
  await mapLimit(slugs, 4, async (slug) => {
    const path = entryPath(slug);
    const file = await readFile(metaRepo(), path, head);
    if (!file) {
      // Entries are never deleted in normal use (§3); one removed out of band leaves the cache too.
      if (bySlug.has(slug)) result.removed.push(slug);
      return;
    }
    if (bySlug.get(slug)?.entrySha === file.sha) return;
    await applyEntryFile(slug, path, file, bySlug.get(slug), result);
  });
  if (result.removed.length) await db().cachedRfc.deleteMany({ where: { slug: { in: result.removed } } });
  result.reposToRefresh = [...new Set(result.reposToRefresh)];
  return result;
}

async function refreshAllEntries(force: boolean): Promise<EntriesResult> {
  const files = (await listDir(metaRepo(), "rfcs", "main")).filter((f) => f.type === "file");
  const cached: CachedEntry[] = await db().cachedRfc.findMany({ select: CACHED_ENTRY });
  const bySlug = new Map(cached.map((c) => [c.slug, c]));
  const listed = new Map<string, { path: string; sha: string }>();
  for (const f of files) {
    const slug = slugOfEntryPath(f.path ?? "");
    if (slug) listed.set(slug, { path: f.path ?? "", sha: f.sha ?? "" });
  }
  const result = emptyResult();
  const changed = [...listed].filter(([slug, f]) => force || bySlug.get(slug)?.entrySha !== f.sha);
  await mapLimit(changed, 4, async ([slug, f]) => {
    const file = await readFile(metaRepo(), f.path, "main");
    if (!file) return; // deleted between the listing and the read: the next refresh settles it
    await applyEntryFile(slug, f.path, file, bySlug.get(slug), result);
  });
  const gone = cached.filter((c) => !listed.has(c.slug)).map((c) => c.slug);
  if (gone.length) await db().cachedRfc.deleteMany({ where: { slug: { in: gone } } });
  result.removed = gone;
  // Active RFCs whose repo content is missing from the cache (e.g. the cache was wiped).
  for (const c of cached) if (c.repo && !c.mainHeadSha && listed.has(c.slug)) result.reposToRefresh.push(c.repo);
  result.reposToRefresh = [...new Set(result.reposToRefresh)];
  return result;
}
