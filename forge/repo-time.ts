import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { gitDirOf, type Forge } from "./forge";
import type { RepoRec } from "./types";

// A repository's updated_at moves on every ref change, including a commit
// pushed straight into the bare repo with the git CLI (bypassing the forge):
// it is the later of the recorded time and the newest mtime under refs/heads,
// refs/tags and packed-refs (creating, moving or deleting a loose ref renames
// or unlinks a file in its directory, which bumps that directory's mtime).

async function newestMtime(p: string): Promise<number> {
  let newest = 0;
  try {
    const s = await stat(p);
    newest = s.mtimeMs;
    if (!s.isDirectory()) return newest;
    for (const entry of await readdir(p)) newest = Math.max(newest, await newestMtime(path.join(p, entry)));
  } catch {
    // missing: contributes nothing
  }
  return newest;
}

export async function refsMtime(gitDir: string): Promise<number> {
  const parts = await Promise.all(
    ["refs/heads", "refs/tags", "packed-refs"].map((p) => newestMtime(path.join(gitDir, p))),
  );
  return Math.max(0, ...parts);
}

export async function repoUpdated(forge: Forge, repo: RepoRec): Promise<number> {
  return Math.max(repo.updated, Math.floor(await refsMtime(gitDirOf(forge, repo))));
}
