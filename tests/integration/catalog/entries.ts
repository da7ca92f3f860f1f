import type { BotActor } from "@/lib/bot/actor";
import { metaRepo, nowIso } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { entryPath, serializeNewEntry, type EntryState } from "@/lib/entries";
import { readFile } from "@/lib/gitea";

// Meta entries written the way the bot writes them, many in one multi-file
// commit on main, so a catalog test holds dozens of RFCs in seconds.

export type EntrySpec = { slug: string; title: string; state?: EntryState; body?: string; tags?: string[]; owners?: string[] };

export function entryText(e: EntrySpec): string {
  return serializeNewEntry({
    slug: e.slug,
    title: e.title,
    state: e.state ?? "super-draft",
    id: "",
    repo: "",
    proposedBy: "alice",
    proposedAt: nowIso(),
    graduatedAt: "",
    graduatedBy: "",
    owners: e.owners ?? [],
    arbiters: [],
    tags: e.tags ?? [],
    body: e.body ?? "",
  });
}

export async function writeEntries(actor: BotActor, entries: EntrySpec[]): Promise<void> {
  await commitFiles({
    repo: metaRepo(),
    branch: "main",
    files: entries.map((e) => ({ op: "create" as const, path: entryPath(e.slug), content: entryText(e) })),
    subject: `Add ${entries.length} entries`,
    actor,
    audit: { kind: "test_seed" },
  });
}

/** Rewrites entries on main in one commit: each edit gets the file's text and returns the new one. */
export async function editEntries(actor: BotActor, edits: Record<string, (text: string) => string>): Promise<void> {
  const files = await Promise.all(
    Object.entries(edits).map(async ([slug, edit]) => {
      const file = await readFile(metaRepo(), entryPath(slug), "main");
      if (!file) throw new Error(`no entry ${slug} on main`);
      return { op: "update" as const, path: entryPath(slug), content: edit(file.text), sha: file.sha };
    }),
  );
  await commitFiles({ repo: metaRepo(), branch: "main", files, subject: `Edit ${files.length} entries`, actor, audit: { kind: "test_edit" } });
}

/** Removes entries from main in one commit. */
export async function deleteEntries(actor: BotActor, slugs: string[]): Promise<void> {
  const files = await Promise.all(
    slugs.map(async (slug) => {
      const file = await readFile(metaRepo(), entryPath(slug), "main");
      if (!file) throw new Error(`no entry ${slug} on main`);
      return { op: "delete" as const, path: entryPath(slug), sha: file.sha };
    }),
  );
  await commitFiles({ repo: metaRepo(), branch: "main", files, subject: `Remove ${files.length} entries`, actor, audit: { kind: "test_edit" } });
}
