import { metaRepo } from "@/lib/bot/meta-entry";
import { db } from "@/lib/db/client";
import { entryPath, slugOfEntryPath } from "@/lib/entries";
import { slices } from "@/lib/db/in-slices";
import { filesChangedBetween, listDir, readArchiveFolder, readFile, type FileAtRef } from "@/lib/gitea";
import { applyEntryFile, CACHED_ENTRY, emptyResult, type CachedEntry, type EntriesResult } from "./entry-file";
import { mapLimit } from "./pool";

export type { EntriesResult } from "./entry-file";

/** A push that touched more entries than this is read like a first fill: from the archive, not a request each. */
export const ARCHIVE_ABOVE = 40;
/** Rows written per transaction when many entries change at once (one commit each would cost a disk sync each). */
const WRITE_BATCH = 100;

/**
 * Mirrors `rfcs/*.md` on the meta repo's main (§4), at a cost in proportion
 * to what changed (issue 15: 10,000 entries). When main moved from a head
 * the cache was built from (`since`), one request for the commits since
 * (with their files) names what they touched — or the push webhook's payload
 * did (`paths`) — and only those are read. Otherwise (a first sweep,
 * a history rewritten under the cache, a very long gap, more than
 * ARCHIVE_ABOVE files touched) one download of the repo's archive gives every
 * entry, and those whose blob sha differs from the cache are written; entries
 * gone from main leave the cache. Not the contents API's folder listing:
 * Gitea finds each listed file's last commit, one `git log` per entry, which
 * at 10,000 entries outlasts any request timeout. `force` lists and re-reads
 * every file one by one (only the benchmark's naive sweep does that).
 */
export async function refreshMetaEntries(
  opts: { force?: boolean; since?: { base: string; head: string }; head?: string | null; paths?: string[] | null } = {},
): Promise<EntriesResult> {
  if (opts.since && !opts.force) {
    // The push's payload named the files (webhook); else one request for the commits between.
    const paths = opts.paths ?? (await filesChangedBetween(metaRepo(), opts.since.base, opts.since.head));
    // Many touched (an import of thousands of entries): one archive beats a read each.
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
  const cached: CachedEntry[] = await db().cachedRfc.findMany({ select: CACHED_ENTRY });
  const bySlug = new Map(cached.map((c) => [c.slug, c]));
  const result = emptyResult();
  const files = force ? await readEachEntry(ref) : await readArchiveFolder(metaRepo(), ref, "rfcs");
  const listed = new Map<string, { path: string; file: FileAtRef }>();
  for (const [path, file] of files) {
    const slug = slugOfEntryPath(path);
    if (slug) listed.set(slug, { path, file });
  }
  const changed = [...listed].filter(([slug, f]) => force || bySlug.get(slug)?.entrySha !== f.file.sha);
  // A first fill changes every row: a hundred per transaction, not a disk sync each.
  for (const batch of slices(changed, WRITE_BATCH)) {
    await db().$transaction(
      async (tx) => {
        for (const [slug, f] of batch) await applyEntryFile(slug, f.path, f.file, bySlug.get(slug), result, tx);
      },
      { timeout: 60_000 },
    );
  }
  const gone = cached.filter((c) => !listed.has(c.slug)).map((c) => c.slug);
  if (gone.length) await db().cachedRfc.deleteMany({ where: { slug: { in: gone } } });
  result.removed = gone;
  // Active RFCs whose repo content is missing from the cache (e.g. the cache was wiped).
  for (const c of cached) if (c.repo && !c.mainHeadSha && listed.has(c.slug)) result.reposToRefresh.push(c.repo);
  result.reposToRefresh = [...new Set(result.reposToRefresh)];
  return result;
}

/** The naive way (the benchmark's naive sweep): list rfcs/, then read every entry. */
async function readEachEntry(ref: string): Promise<Map<string, FileAtRef>> {
  const listed = (await listDir(metaRepo(), "rfcs", ref)).filter((f) => f.type === "file");
  const read = await mapLimit(listed, 4, async (f) => [f.path ?? "", await readFile(metaRepo(), f.path ?? "", ref)] as const);
  return new Map(read.flatMap(([path, file]) => (file ? [[path, file] as const] : [])));
}
