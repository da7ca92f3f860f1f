import { summaryOf } from "@/lib/catalog/summary";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { parseEntry } from "@/lib/entries";
import type { FileAtRef } from "@/lib/gitea";
import { unstorable } from "@/lib/text/encodable";
import { entryRow } from "./entry-row";
import { storableOrSkip } from "./skipped-rows";

export type EntriesResult = {
  changed: string[];
  removed: string[];
  invalid: string[];
  reposToRefresh: string[];
  /** Entries whose owners or arbiters changed: who may read their private branches changed (lib/private). */
  readersChanged: string[];
};
export type CachedEntry = { slug: string; entrySha: string; repo: string | null; mainHeadSha: string | null; owners: string; arbiters: string };

/** The columns of a cached entry a refresh compares with what Gitea holds. */
export const CACHED_ENTRY = { slug: true, entrySha: true, repo: true, mainHeadSha: true, owners: true, arbiters: true } as const;

export const emptyResult = (): EntriesResult => ({ changed: [], removed: [], invalid: [], reposToRefresh: [], readersChanged: [] });

/**
 * Writes one meta entry file, read from Gitea, into its CachedRfc row (§4).
 * An invalid entry is logged and recorded (invalidReason, shown by the
 * health route), never fatal. Notes in `result` what changed and which
 * per-RFC repos to read next.
 */
export async function applyEntryFile(
  slug: string,
  path: string,
  file: FileAtRef,
  prev: CachedEntry | undefined,
  result: EntriesResult,
  client: Prisma.TransactionClient = db(),
): Promise<void> {
  const parsed = parseEntry(file.text);
  // YAML escapes can spell a lone surrogate ("\ud800"), which cannot be stored (issue 12).
  const bad = parsed.ok ? unstorable(parsed.entry) : null;
  const reason = !parsed.ok
    ? parsed.reason
    : parsed.entry.slug !== slug
      ? `slug "${parsed.entry.slug}" does not match the file name ${path}`
      : bad
        ? `${bad.path} ${bad.reason}`
        : null;
  if (reason || !parsed.ok) {
    console.warn(`[quorum] invalid meta entry ${path}: ${reason}`);
    const data = { entryPath: path, entrySha: file.sha, invalidReason: reason ?? "invalid" };
    if (!storableOrSkip(`entry ${path}`, data)) return;
    await client.cachedRfc.upsert({
      where: { slug },
      create: { slug, title: slug, state: "invalid", lastActivityAt: new Date(0), ...data },
      update: data,
    });
    result.invalid.push(slug);
    return;
  }
  const entry = parsed.entry;
  const row = entryRow(entry, file.text, path, file.sha);
  // Without a repo the entry body is the document; with one, RFC.md is (§4).
  const doc = entry.repo ? null : { body: entry.body, summary: summaryOf(entry.body) };
  await client.cachedRfc.upsert({
    where: { slug },
    create: { slug, ...row, body: "", summary: "", ...doc, lastActivityAt: new Date(0) },
    update: { ...row, ...(doc ? { ...doc, mainHeadSha: null, mainCommitAt: null } : {}) },
  });
  if (entry.repo && (prev?.repo !== entry.repo || !prev?.mainHeadSha)) result.reposToRefresh.push(entry.repo);
  if (prev && (prev.owners !== row.owners || prev.arbiters !== row.arbiters)) result.readersChanged.push(slug);
  result.changed.push(slug);
}
