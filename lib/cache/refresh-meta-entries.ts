import { metaRepo } from "@/lib/bot/meta-entry";
import { db } from "@/lib/db/client";
import { entryPath, slugOfEntryPath } from "@/lib/entries";
import { slices } from "@/lib/db/in-slices";
import { filesChangedBetween, listDir, readArchiveFolder, readFile, type FileAtRef } from "@/lib/gitea";
import { applyEntryFile, CACHED_ENTRY, emptyResult, type CachedEntry, type EntriesResult } from "./entry-file";
import { mapLimit } from "./pool";

export type { EntriesResult } from "./entry-file";

/** More entries to read than this: one archive download instead of a request each (a first fill, a wiped cache). */
export const ARCHIVE_ABOVE = 40;
/** Rows written per transaction when many entries change at once (one commit each would cost a disk sync each). */
const WRITE_BATCH = 100;

/**
 * Mirrors `rfcs/*.md` on the meta repo's main (§4), at a cost in proportion
 * to what changed (issue 15: 10,000 entries). When main moved from a head
 * the cache was built from (`since`), one request for the commits since
 * (with their files) names what they touched — or the push webhook's payload
 * did (`paths`) — and only those are read. Otherwise (a first sweep,
 * a history rewritten under the cache, a very long gap) one request lists the
 * folder with each file's blob sha and the files whose sha differs are read —
 * from one archive of the folder when there are many (ARCHIVE_ABOVE);
 * entries gone from main leave the cache. `force` re-reads every file (only
 * the benchmark's naive sweep does that).
 */
export async function refreshMetaEntries(
  opts: { force?: boolean; since?: { base: string; head: string }; head?: string | null; paths?: string[] | null } = {},
): Promise<EntriesResult> {
  if (opts.since && !opts.force) {
    // The push's payload named the files (webhook); else one request for the commits between.
    const paths = opts.paths ?? (await filesChangedBetween(metaRepo(), opts.since.base, opts.since.head));
    // Many touched (an import of thousands of entries): the listing and one archive beat a read each.
    if (paths && paths.length <= ARCHIVE_ABOVE) return refreshChangedEntries(paths, opts.since.head);
  }
  return refreshAllEntries(!!opts.force, opts.head ?? opts.since?.head ?? "main");
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

async function refreshAllEntries(force: boolean, ref: string): Promise<EntriesResult> {
  const files = (await listDir(metaRepo(), "rfcs", ref)).filter((f) => f.type === "file");
  const cached: CachedEntry[] = await db().cachedRfc.findMany({ select: CACHED_ENTRY });
  const bySlug = new Map(cached.map((c) => [c.slug, c]));
  const listed = new Map<string, { path: string; sha: string }>();
  for (const f of files) {
    const slug = slugOfEntryPath(f.path ?? "");
    if (slug) listed.set(slug, { path: f.path ?? "", sha: f.sha ?? "" });
  }
  const result = emptyResult();
  const changed = [...listed].filter(([slug, f]) => force || bySlug.get(slug)?.entrySha !== f.sha);
  if (changed.length > ARCHIVE_ABOVE && !force) await applyFromArchive(changed, ref, bySlug, result);
  else {
    await mapLimit(changed, 4, async ([slug, f]) => {
      const file = await readFile(metaRepo(), f.path, ref);
      if (!file) return; // deleted between the listing and the read: the next refresh settles it
      await applyEntryFile(slug, f.path, file, bySlug.get(slug), result);
    });
  }
  const gone = cached.filter((c) => !listed.has(c.slug)).map((c) => c.slug);
  if (gone.length) await db().cachedRfc.deleteMany({ where: { slug: { in: gone } } });
  result.removed = gone;
  // Active RFCs whose repo content is missing from the cache (e.g. the cache was wiped).
  for (const c of cached) if (c.repo && !c.mainHeadSha && listed.has(c.slug)) result.reposToRefresh.push(c.repo);
  result.reposToRefresh = [...new Set(result.reposToRefresh)];
  return result;
}

/**
 * Many entries to read (a first fill of 10,000): the folder comes in one
 * archive of the listed commit, and the rows are written a hundred per
 * transaction. An entry the archive lacks was deleted since the listing: the
 * next refresh settles it.
 */
async function applyFromArchive(changed: [string, { path: string; sha: string }][], ref: string, bySlug: Map<string, CachedEntry>, result: EntriesResult): Promise<void> {
  const archive = await readArchiveFolder(metaRepo(), ref, "rfcs");
  const found = changed.flatMap(([slug, f]): [string, string, FileAtRef][] => {
    const file = archive.get(f.path);
    return file ? [[slug, f.path, file]] : [];
  });
  for (const batch of slices(found, WRITE_BATCH)) {
    await db().$transaction(
      async (tx) => {
        for (const [slug, path, file] of batch) await applyEntryFile(slug, path, file, bySlug.get(slug), result, tx);
      },
      { timeout: 60_000 },
    );
  }
}
