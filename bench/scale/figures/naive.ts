import { metaRepo } from "@/lib/bot/meta-entry";
import { mapLimit } from "@/lib/cache/pool";
import { parseEntry, slugOfEntryPath } from "@/lib/entries";
import { listDir, readFile } from "@/lib/gitea";
import type { ScaleWorld } from "../world";

// The naive baseline of issue 15: the catalog's list assembled from the
// forge API on every request, as an app without a cache would (list rfcs/,
// read and parse every entry, 8 reads at a time, sort by state and title).
// It stops after `budgetMs` (10,000 entries take many minutes of a shared
// machine): then the figure is a lower bound, with how many were read.

export type NaiveFigure = { ms: number; requests: number; rfcs: number; of: number; complete: boolean; failed?: string };

export async function naiveCatalog(w: ScaleWorld, opts: { budgetMs: number }): Promise<NaiveFigure> {
  await w.adminPost("/requests/reset");
  const t0 = performance.now();
  let listed;
  try {
    listed = await listDir(metaRepo(), "rfcs", "main");
  } catch (err) {
    // Gitea finds each listed file's last commit: at 10,000 entries the listing alone outlasts the request timeout.
    const failed = err instanceof Error ? err.message : String(err);
    return { ms: performance.now() - t0, requests: (await w.forgeRequests()).total, rfcs: 0, of: 0, complete: false, failed };
  }
  const files = listed.filter((f) => f.type === "file" && slugOfEntryPath(f.path ?? ""));
  let complete = true;
  const entries = await mapLimit(files, 8, async (f) => {
    if (performance.now() - t0 > opts.budgetMs) {
      complete = false;
      return null;
    }
    const file = await readFile(metaRepo(), f.path ?? "", "main");
    const parsed = file ? parseEntry(file.text) : null;
    return parsed?.ok ? { slug: parsed.entry.slug, title: parsed.entry.title, state: parsed.entry.state, owners: parsed.entry.owners, tags: parsed.entry.tags } : null;
  });
  const list = entries.filter((e) => e !== null).sort((a, b) => a.state.localeCompare(b.state) || a.title.localeCompare(b.title));
  const ms = performance.now() - t0;
  return { ms, requests: (await w.forgeRequests()).total, rfcs: list.length, of: files.length, complete };
}
