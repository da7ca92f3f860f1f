import type { Entry } from "@/lib/entries";
import { readFrontmatterObject } from "@/lib/entries/parse";

// A CachedRfc row from a parsed meta entry (§4). The body of an entry with a
// per-RFC repo is that repo's RFC.md (refresh-rfc-repo.ts), not the entry's.

export function entryRow(entry: Entry, text: string, path: string, sha: string) {
  const raw = readFrontmatterObject(text);
  return {
    title: entry.title,
    state: entry.state,
    rfcId: entry.id || null,
    repo: entry.repo || null,
    proposedBy: entry.proposedBy || null,
    proposedAt: entry.proposedAt || null,
    graduatedAt: entry.graduatedAt || null,
    graduatedBy: entry.graduatedBy || null,
    owners: JSON.stringify(entry.owners),
    arbiters: JSON.stringify(entry.arbiters),
    tags: JSON.stringify(entry.tags),
    frontmatter: JSON.stringify(raw.ok ? raw.data : {}),
    entryPath: path,
    entrySha: sha,
    invalidReason: null,
  };
}

/** The frontmatter dates that count as activity on the entry itself (§7 "last activity"). */
export function entryDates(entry: Pick<Entry, "proposedAt" | "graduatedAt" | "withdrawnAt" | "decidedAt">): Date[] {
  return [entry.proposedAt, entry.graduatedAt, entry.withdrawnAt, entry.decidedAt]
    .filter((s): s is string => !!s)
    .map((s) => new Date(s))
    .filter((d) => !Number.isNaN(d.getTime()));
}
