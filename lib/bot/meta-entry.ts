import type { PullRequest } from "gitea-js";
import { getConfig } from "@/lib/config";
import { entryPath, parseEntry, type Entry } from "@/lib/entries";
import { GiteaError, listPulls, readFile, splitFullName, type RepoRef } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";

// Shared reads for the meta operations: they read the entry from Gitea (the
// truth), never from the cache, so a write is based on what is really there.

export function metaRepo(): RepoRef {
  return splitFullName(getConfig().metaRepoFullName);
}

export type EntryAtRef = { text: string; sha: string; entry: Entry; path: string };

/** The entry on a meta branch; 404 when absent, 422 when it does not parse. */
export async function readEntryOrThrow(slug: string, ref = "main", repo: RepoRef = metaRepo()): Promise<EntryAtRef> {
  const path = entryPath(slug);
  const file = await readFile(repo, path, ref);
  if (!file) throw new AppError("not_found", `No entry ${path} on ${ref}`);
  const parsed = parseEntry(file.text);
  if (!parsed.ok) throw new AppError("unprocessable", `${path} on ${ref} is invalid: ${parsed.reason}`);
  return { text: file.text, sha: file.sha, entry: parsed.entry, path };
}

/** The open meta PR whose head is `head`, if any. */
export async function findOpenMetaPr(head: string): Promise<PullRequest | null> {
  const open = await listPulls(metaRepo(), "open");
  return open.find((pr) => pr.head?.ref === head) ?? null;
}

/**
 * Gitea answers 422 when a `new_branch` or file already exists and 409 when
 * an open PR has the same head: both mean someone got there first.
 */
export async function conflictOnExisting<T>(message: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GiteaError && (err.status === 409 || err.status === 422)) {
      throw new AppError("conflict", message, { gitea: err.message });
    }
    throw err;
  }
}

// Lifecycle times come from the app clock, which tests can move (lib/clock.ts).
export { nowIso } from "@/lib/clock";
