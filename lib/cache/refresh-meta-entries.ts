import { metaRepo } from "@/lib/bot/meta-entry";
import { summaryOf } from "@/lib/catalog/summary";
import { db } from "@/lib/db/client";
import { parseEntry, slugOfEntryPath } from "@/lib/entries";
import { listDir, readFile } from "@/lib/gitea";
import { unstorable } from "@/lib/text/encodable";
import { entryRow } from "./entry-row";
import { mapLimit } from "./pool";
import { storableOrSkip } from "./skipped-rows";

export type EntriesResult = {
  changed: string[];
  removed: string[];
  invalid: string[];
  reposToRefresh: string[];
  /** Entries whose owners or arbiters changed: who may read their private branches changed (lib/private). */
  readersChanged: string[];
};

/**
 * Mirrors `rfcs/*.md` on the meta repo's main (§4): one request lists the
 * folder with each file's blob sha; only files whose sha differs from the
 * cache are read. Entries gone from main leave the cache. An invalid entry is
 * logged and recorded (invalidReason, shown by the health route), never fatal.
 * `force` re-reads every file (only the benchmark's naive sweep does that).
 */
export async function refreshMetaEntries(opts: { force?: boolean } = {}): Promise<EntriesResult> {
  const files = (await listDir(metaRepo(), "rfcs", "main")).filter((f) => f.type === "file");
  const cached = await db().cachedRfc.findMany({ select: { slug: true, entrySha: true, repo: true, mainHeadSha: true, owners: true, arbiters: true } });
  const bySlug = new Map(cached.map((c) => [c.slug, c]));
  const listed = new Map<string, { path: string; sha: string }>();
  for (const f of files) {
    const slug = slugOfEntryPath(f.path ?? "");
    if (slug) listed.set(slug, { path: f.path ?? "", sha: f.sha ?? "" });
  }
  const result: EntriesResult = { changed: [], removed: [], invalid: [], reposToRefresh: [], readersChanged: [] };
  const changed = [...listed].filter(([slug, f]) => opts.force || bySlug.get(slug)?.entrySha !== f.sha);

  await mapLimit(changed, 4, async ([slug, f]) => {
    const file = await readFile(metaRepo(), f.path, "main");
    if (!file) return; // deleted between the listing and the read: the next refresh settles it
    const parsed = parseEntry(file.text);
    // YAML escapes can spell a lone surrogate ("\ud800"), which cannot be stored (issue 12).
    const bad = parsed.ok ? unstorable(parsed.entry) : null;
    const reason = !parsed.ok
      ? parsed.reason
      : parsed.entry.slug !== slug
        ? `slug "${parsed.entry.slug}" does not match the file name ${f.path}`
        : bad
          ? `${bad.path} ${bad.reason}`
          : null;
    if (reason || !parsed.ok) {
      console.warn(`[quorum] invalid meta entry ${f.path}: ${reason}`);
      const data = { entryPath: f.path, entrySha: file.sha, invalidReason: reason ?? "invalid" };
      if (!storableOrSkip(`entry ${f.path}`, data)) return;
      await db().cachedRfc.upsert({
        where: { slug },
        create: { slug, title: slug, state: "invalid", lastActivityAt: new Date(0), ...data },
        update: data,
      });
      result.invalid.push(slug);
      return;
    }
    const entry = parsed.entry;
    const row = entryRow(entry, file.text, f.path, file.sha);
    const prev = bySlug.get(slug);
    // Without a repo the entry body is the document; with one, RFC.md is (§4).
    const doc = entry.repo ? null : { body: entry.body, summary: summaryOf(entry.body) };
    await db().cachedRfc.upsert({
      where: { slug },
      create: { slug, ...row, body: "", summary: "", ...doc, lastActivityAt: new Date(0) },
      update: { ...row, ...(doc ? { ...doc, mainHeadSha: null, mainCommitAt: null } : {}) },
    });
    if (entry.repo && (prev?.repo !== entry.repo || !prev?.mainHeadSha)) result.reposToRefresh.push(entry.repo);
    if (prev && (prev.owners !== row.owners || prev.arbiters !== row.arbiters)) result.readersChanged.push(slug);
    result.changed.push(slug);
  });

  // Entries are never deleted in normal use (§3); one removed out of band leaves the cache too.
  const gone = cached.filter((c) => !listed.has(c.slug)).map((c) => c.slug);
  if (gone.length) await db().cachedRfc.deleteMany({ where: { slug: { in: gone } } });
  result.removed = gone;
  // Active RFCs whose repo content is missing from the cache (e.g. the cache was wiped).
  for (const c of cached) if (c.repo && !c.mainHeadSha && listed.has(c.slug)) result.reposToRefresh.push(c.repo);
  result.reposToRefresh = [...new Set(result.reposToRefresh)];
  return result;
}
