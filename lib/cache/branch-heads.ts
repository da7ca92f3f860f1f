import { db } from "@/lib/db/client";
import { branchHeadEvent } from "@/lib/realtime/branch-events";
import { publishLive } from "@/lib/realtime/publish";

/** A branch the app itself just moved: the commit it wrote and the head it wrote it on. */
export type HeadMove = { name: string; from: string | null; to: string };

/**
 * §4.1 a user's own write shows at once without listing the repo's branches
 * (§15 item 3): the contents API answered with the new commit and its
 * parent, so a cached branch whose head is still that parent moves to the
 * commit (its status turns stale, §9). A branch the cache does not hold, or
 * whose head is neither, is left to a listing: `unknown` says one is needed.
 * Compare-and-set, so a refresh that already saw a later push never goes back.
 */
export async function noteBranchHeads(repo: string, moves: HeadMove[]): Promise<{ slugs: string[]; unknown: boolean }> {
  const slugs = new Set<string>();
  let unknown = false;
  for (const move of moves) {
    const res = await db().cachedBranch.updateMany({
      where: { repo, name: move.name, state: "open", headSha: move.from ?? "" },
      data: { headSha: move.to, lastCommitAt: new Date(), statusStale: true },
    });
    if (res.count) {
      const row = await db().cachedBranch.findUnique({ where: { repo_name: { repo, name: move.name } }, select: { rfcSlug: true, displayName: true } });
      if (row) {
        slugs.add(row.rfcSlug);
        // Open views of the branch follow (issue 14); a failed publish is not the cache's failure.
        await publishLive(branchHeadEvent(row.rfcSlug, { branch: row.displayName, headSha: move.to, state: "open" })).catch((err: unknown) =>
          console.error("[quorum] branch head event:", err),
        );
      }
      continue;
    }
    const row = await db().cachedBranch.findUnique({ where: { repo_name: { repo, name: move.name } }, select: { headSha: true, state: true } });
    if (row?.headSha !== move.to || row.state !== "open") unknown = true;
  }
  return { slugs: [...slugs], unknown };
}
