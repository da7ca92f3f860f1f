import type { MergePullRequestOption } from "gitea-js";
import { mergeDecisionOf } from "@/lib/cache/pr-rows";
import { db } from "@/lib/db/client";
import { getPull, GiteaError, mergePull, type RepoRef } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { MERGE_STATE_TEXT, type MergeDecision } from "./merge-state";

// A merge as Gitea takes it (FACTS §7.2, §7.6): while Gitea still tests the
// merge in the background — right after a push to the branch or to main —
// it answers 405 "Please try again later", as it does for a real conflict;
// a work-in-progress title is 405 too. So a 405 re-reads the PR: a WIP title
// is explained at once, a decided conflict is said as such, and otherwise
// the merge is tried again after 0.5, 1, 2, 4 and 8 s. If Gitea has still
// not decided, the person is told so — never that the branch needs updating.

export const MERGE_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
export const STILL_CHECKING = "Gitea is still checking this pull request; try again in a moment.";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const memoryOf = (d: MergeDecision) => ({ mergeState: d.mergeState, mergeCheckKey: d.mergeCheckKey, mergeCheckSince: d.mergeCheckSince });

export async function mergeWhenReady(repo: RepoRef, number: number, body: MergePullRequestOption, delays = MERGE_RETRY_DELAYS_MS): Promise<void> {
  // What the cache knew decides how long a "no" has lasted already (merge-state.ts).
  let memory = await db().cachedPr.findUnique({
    where: { repo_number: { repo: `${repo.owner}/${repo.repo}`, number } },
    select: { mergeState: true, mergeCheckKey: true, mergeCheckSince: true },
  });
  for (let attempt = 0; ; attempt++) {
    try {
      return await mergePull(repo, number, body);
    } catch (err) {
      if (!(err instanceof GiteaError) || err.status !== 405) throw err;
      const pr = await getPull(repo, number);
      if (!pr || pr.merged || pr.state !== "open") throw err; // merged or closed meanwhile: the caller's to say
      const decision = mergeDecisionOf(pr, memory);
      memory = memoryOf(decision);
      if (decision.mergeState === "wip") throw new AppError("unprocessable", `Gitea cannot merge #${number}: ${MERGE_STATE_TEXT.wip.why}.`, { mergeState: "wip" });
      if (decision.mergeState === "conflicts") throw new AppError("conflict", `Gitea cannot merge #${number}: ${MERGE_STATE_TEXT.conflicts.why}.`, { mergeState: "conflicts" });
      if (attempt >= delays.length) throw new AppError("conflict", STILL_CHECKING, { mergeState: "checking", retryable: true });
      await sleep(delays[attempt]);
    }
  }
}
