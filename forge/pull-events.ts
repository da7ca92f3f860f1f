import { toPull } from "./convert/pull";
import { toRepo } from "./convert/repo";
import { toUser } from "./convert/user";
import type { Forge } from "./forge";
import type { PullRec, RepoRec, UserRec } from "./types";

// pull_request webhook payloads (FACTS §2, PullRequestPayload). A merge is
// `closed` with pull_request.merged = true.

export type PullAction = "opened" | "closed" | "reopened" | "edited" | "synchronized";

export async function emitPull(
  forge: Forge,
  repo: RepoRec,
  pr: PullRec,
  action: PullAction,
  sender: UserRec,
  changes?: Record<string, { from: string }>,
): Promise<void> {
  const payload = {
    action,
    number: pr.index,
    ...(changes ? { changes } : {}),
    pull_request: await toPull(forge, repo, pr, "full"),
    requested_reviewer: null,
    repository: await toRepo(forge, repo, "full"),
    sender: toUser(forge, sender, "full"),
    commit_id: "",
    review: null,
  };
  forge.webhooks.emit(repo, action === "synchronized" ? "pull_request_sync" : "pull_request", payload);
}
