import { entryPath, parseEntry } from "@/lib/entries";
import { readFile, splitFullName } from "@/lib/gitea";

type Known = { headSha: string | null; ideaTags: string | null } | undefined;

/**
 * §7.3 pending ideas show their tags, which live only in the entry file the
 * propose PR adds (`rfcs/<slug>.md` on `propose/<slug>`). Read at the PR's
 * head when the head moved since the cache last read it (or never did):
 * the JSON list to store, "[]" for a file without valid tags, or undefined
 * to keep what the cache has (the head cannot be read now; the next
 * refresh tries again).
 */
export async function ideaTagsToStore(repo: string, slug: string, headSha: string | null, known: Known): Promise<string | undefined> {
  if (!headSha) return undefined;
  if (known?.ideaTags != null && known.headSha === headSha) return undefined;
  let text: string | null;
  try {
    text = (await readFile(splitFullName(repo), entryPath(slug), headSha))?.text ?? null;
  } catch (err) {
    console.warn(`[quorum] could not read the tags of idea ${slug} at ${headSha.slice(0, 10)}`, err);
    return undefined;
  }
  const parsed = text === null ? null : parseEntry(text);
  return JSON.stringify(parsed?.ok ? parsed.entry.tags : []);
}
