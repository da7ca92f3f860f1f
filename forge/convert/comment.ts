import { iso, type Forge } from "../forge";
import type { CommentRec, PullRec, RepoRec } from "../types";
import { toUser } from "./user";

// Comment (services/convert/issue_comment.go, ToAPIComment). On a PR the
// links go to the PR page: html_url is `<pr>#issuecomment-<id>`,
// pull_request_url the PR page, issue_url empty (models/issues/comment.go).

/** The number of plain comments on a PR (Issue.NumComments → `comments`). */
export const commentCount = (forge: Forge, pr: PullRec) => forge.store.state.comments.filter((c) => c.issueId === pr.issueId).length;

export function toComment(forge: Forge, repo: RepoRec, pr: PullRec, c: CommentRec) {
  const prUrl = `${forge.root}${repo.ownerName}/${repo.name}/pulls/${pr.index}`;
  const poster = forge.store.userById(c.posterId);
  return {
    id: c.id,
    html_url: `${prUrl}#issuecomment-${c.id}`,
    pull_request_url: prUrl,
    issue_url: "",
    user: poster ? toUser(forge, poster, null) : null, // ToUser(ctx, poster, nil): never an email
    original_author: "",
    original_author_id: 0,
    body: c.body,
    assets: [],
    created_at: iso(c.created),
    updated_at: iso(c.updated),
  };
}
