import { metaRepo } from "@/lib/bot/meta-entry";
import { mapLimit } from "@/lib/cache/pool";
import { parseEntry, slugOfEntryPath } from "@/lib/entries";
import { listDir, readFile } from "@/lib/gitea";
import type { ScaleWorld } from "../world";

// The naive baseline of issue 15: the catalog's list assembled from the
// forge API on every request, as an app without a cache would (list rfcs/,
// read and parse every entry, 8 reads at a time, sort by state and title).

export type NaiveFigure = { ms: number; requests: number; rfcs: number };

export async function naiveCatalog(w: ScaleWorld): Promise<NaiveFigure> {
  await w.adminPost("/requests/reset");
  const t0 = performance.now();
  const files = (await listDir(metaRepo(), "rfcs", "main")).filter((f) => f.type === "file" && slugOfEntryPath(f.path ?? ""));
  const entries = await mapLimit(files, 8, async (f) => {
    const file = await readFile(metaRepo(), f.path ?? "", "main");
    const parsed = file ? parseEntry(file.text) : null;
    return parsed?.ok ? { slug: parsed.entry.slug, title: parsed.entry.title, state: parsed.entry.state, owners: parsed.entry.owners, tags: parsed.entry.tags } : null;
  });
  const list = entries.filter((e) => e !== null).sort((a, b) => a.state.localeCompare(b.state) || a.title.localeCompare(b.title));
  const ms = performance.now() - t0;
  return { ms, requests: (await w.forgeRequests()).total, rfcs: list.length };
}
