import type { Comment, Issue } from "gitea-js";
import { call, giteaClient } from "./client";
import type { RepoRef } from "./contents";
import { paginate } from "./pager";

/**
 * PRs of every repo of `owner` updated at or after `since` (RFC 3339), in
 * one paged search. Closing a PR does not bump its repo's `updated_at`, so
 * the reconciler asks this instead of listing each repo's PRs (§4).
 */
export async function searchPullsUpdatedSince(owner: string, since: string): Promise<Issue[]> {
  return paginate(`search pulls of ${owner} since ${since}`, (q) =>
    giteaClient().repos.issueSearchIssues({ type: "pulls", owner, since, state: "all", ...q }),
  );
}

/** A comment on an issue or PR (e.g. why an idea was declined). */
export async function commentOnIssue({ owner, repo }: RepoRef, index: number, body: string): Promise<Comment> {
  return call(`comment on #${index}`, () => giteaClient().repos.issueCreateComment(owner, repo, index, { body }));
}
