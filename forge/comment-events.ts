import { toComment } from "./convert/comment";
import { toPull, toPullIssue } from "./convert/pull";
import { toRepo } from "./convert/repo";
import { toUser } from "./convert/user";
import type { Forge } from "./forge";
import type { CommentRec, PullRec, RepoRec, UserRec } from "./types";

// A comment on a PR (FACTS §1–§2; services/webhook/notifier.go,
// CreateIssueComment): event type `pull_request_comment`, which Gitea sends
// as X-Gitea-Event `issue_comment`, with an IssueCommentPayload that carries
// the PR both as `issue` and as `pull_request`.

export async function emitComment(forge: Forge, repo: RepoRec, pr: PullRec, comment: CommentRec, sender: UserRec): Promise<void> {
  const payload = {
    action: "created",
    issue: toPullIssue(forge, repo, pr),
    pull_request: await toPull(forge, repo, pr, "full"),
    comment: toComment(forge, repo, pr, comment),
    repository: await toRepo(forge, repo, "full"),
    sender: toUser(forge, sender, "full"),
    is_pull: true,
  };
  forge.webhooks.emit(repo, "pull_request_comment", payload);
}
