import type { Commit } from "gitea-js";
import { parseTrailers } from "@/lib/bot/trailers";
import type { BranchPlace } from "@/lib/branches/place";
import { listCommits } from "@/lib/gitea";

// A private branch's line of work in its companion repo. The companion's
// main holds only a README; each branch starts with a commit that writes the
// document as it was on the RFC's main at some commit, and says which one in
// a `Quorum-Base` trailer and in the file `.quorum/base`. An update from main
// is a commit with a newer base (the file makes it a change even when main's
// commits left the document alone). So the base is in Git, and "behind
// main", the diff against main and the way back to the public repo are
// computed from it.

export const BASE_TRAILER = "Quorum-Base";
export const BASE_FILE = ".quorum/base";

export const baseTrailerOf = (message: string): string | null => parseTrailers(message)[BASE_TRAILER] ?? null;

export type PrivateLine = {
  base: string; // the main commit the branch's text is based on, in the home repo
  start: Commit; // the commit that started the branch in the companion
  commits: Commit[]; // the branch's own commits after the start, oldest first
};

/** The branch's commits (not on the companion's main) and its newest base. */
export async function readPrivateLine(place: BranchPlace, opts: { files?: boolean } = {}): Promise<PrivateLine> {
  const newestFirst = await listCommits(place.repo, place.ref, { not: "main", files: opts.files });
  const oldestFirst = [...newestFirst].reverse();
  const start = oldestFirst[0];
  const base = newestFirst.map((c) => baseTrailerOf(c.commit?.message ?? "")).find(Boolean);
  if (!start || !base) throw new Error(`${place.repoName}:${place.ref} has no start commit with a ${BASE_TRAILER} trailer`);
  return { base, start, commits: oldestFirst.slice(1) };
}
