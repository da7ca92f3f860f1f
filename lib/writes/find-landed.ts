import "server-only";
import type { GitWrite } from "@prisma/client";
import { trailerValues } from "@/lib/bot/trailers";
import { listCommitsSince, splitFullName, type CommitSummary } from "@/lib/gitea";

export type Landed = { commitSha: string; parentSha: string | null };

/**
 * Whether a journaled write's commit is on its branch (issue 13 item 4):
 * the commits of its ref since the head it was based on (one request),
 * newest first, searched for the trailer that names it. A commit that a
 * later `Reverts:` commit undid did not land as far as the change goes.
 * Throws when Gitea cannot answer: then nobody knows yet.
 */
export async function findLanded(w: GitWrite, names: (message: string) => boolean): Promise<Landed | null> {
  const repo = splitFullName(w.repo);
  let commits: CommitSummary[];
  try {
    commits = await listCommitsSince(repo, w.ref, w.baseSha);
  } catch (err) {
    if (!w.baseSha) throw err;
    commits = await listCommitsSince(repo, w.ref, null); // the base is gone (a force push): the newest commits
  }
  const reverted = new Set(commits.flatMap((c) => trailerValues(c.message, "Reverts")));
  const hit = commits.find((c) => !reverted.has(c.sha) && trailerValues(c.message, "Reverts").length === 0 && names(c.message));
  return hit ? { commitSha: hit.sha, parentSha: hit.parents[0] ?? null } : null;
}

/** An accept's commit carries a Change-Id trailer for each change it accepted (§8.9). */
export const namesChanges = (changeIds: readonly string[]) => (message: string) => {
  const ids = new Set(trailerValues(message, "Change-Id"));
  return changeIds.every((id) => ids.has(id));
};

/** A flush's commit carries the Edit-Id of its journal row. */
export const namesEdit = (writeId: string) => (message: string) => trailerValues(message, "Edit-Id").includes(writeId);
