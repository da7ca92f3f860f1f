import "server-only";
import { trailerValues, type Trailers } from "@/lib/bot/trailers";
import type { BranchPlace } from "@/lib/branches/place";
import { GiteaError, listCommitsSince } from "@/lib/gitea";

// Gitea writes a file by pushing from a temporary clone; when the branch
// moved meanwhile (a push from outside Quorum, which no branch lock holds
// back) the push is rejected and no handler maps the error: the answer is a
// bare 500, on 1.22 and newer alike (FACTS §7.5) — the same answer as a
// Gitea that failed after the commit landed. The branch tells them apart.

/** Whether the commit `trailers` name is among `commits` (a revert does not count as it). */
const names = (trailers: Trailers, message: string) =>
  trailerValues(message, "Reverts").length === 0 && trailers.every(([k, v]) => trailerValues(message, k).includes(v));

/**
 * True when a contents write that answered 500 lost a race: the branch has
 * moved past `baseSha`, and none of the new commits is this write's (found
 * by its trailers). False when that cannot be said — no trailers to know
 * it by, no other commit, or the branch cannot be read — and the caller's
 * journal must find out whether it landed.
 */
export async function lostRace(err: unknown, place: BranchPlace, baseSha: string, trailers: Trailers | undefined): Promise<boolean> {
  if (!(err instanceof GiteaError) || err.status !== 500 || !trailers?.length) return false;
  const commits = await listCommitsSince(place.repo, place.ref, baseSha).catch(() => null);
  return !!commits && commits.length > 0 && !commits.some((c) => names(trailers, c.message));
}
