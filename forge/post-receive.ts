import { gitDirOf, type Forge } from "./forge";
import { ZERO_SHA } from "./git";
import { commitFileLists } from "./git-diff";
import { commitInfo, log, type CommitInfo } from "./git-read";
import { toPayloadCommit } from "./convert/commit";
import { toRepo } from "./convert/repo";
import { toUser } from "./convert/user";
import { writePullRef } from "./pull-check";
import { emitPull } from "./pull-events";
import type { RepoRec, UserRec } from "./types";

// What Gitea's post-receive hook does after every ref change made through the
// forge (FACTS §2, services/repository/push.go): bump the repo, fire `create`
// then `push` for a new branch, only `delete` for a deleted one (whose open
// PRs, by head or base, are closed with `pull_request` `closed`, §7.7),
// `push` with newest-first commits truncated to 5, then for open PRs whose
// head moved `pull_request` `synchronized` and a mergeability check, and for
// open PRs into the pushed branch a check with no webhook (§7.2).

const FEED_MAX_COMMIT_NUM = 5;

export interface RefUpdate {
  branch: string;
  before: string; // ZERO_SHA = created
  after: string; // ZERO_SHA = deleted
}

export async function afterRefUpdate(forge: Forge, repo: RepoRec, doer: UserRec, u: RefUpdate): Promise<void> {
  repo.updated = Date.now();
  forge.store.save();
  const gitDir = gitDirOf(forge, repo);
  const apiRepo = await toRepo(forge, repo, "full");
  const sender = toUser(forge, doer, "full");
  const opts = { branch: u.branch };
  if (u.after === ZERO_SHA) {
    const payload = { ref: u.branch, ref_type: "branch", pusher_type: "user", repository: apiRepo, sender };
    forge.webhooks.emit(repo, "delete", payload, opts);
    await closeBranchPulls(forge, repo, doer, u.branch);
    return;
  }
  forge.pullQueue.pushed(repo, u.branch);
  const isNew = u.before === ZERO_SHA;
  if (isNew) {
    forge.webhooks.emit(repo, "create", { sha: u.after, ref: u.branch, ref_type: "branch", repository: apiRepo, sender }, opts);
  }
  const pushed = isNew ? await log(gitDir, u.after, { max: 10 }) : await log(gitDir, u.after, { not: u.before });
  const withFiles = (c: CommitInfo) => commitFileLists(gitDir, c.sha, c.parents[0] ?? null).then((f) => toPayloadCommit(forge, repo, c, f));
  const commits = await Promise.all(pushed.slice(0, FEED_MAX_COMMIT_NUM).map(withFiles));
  const head = pushed[0]?.sha === u.after ? commits[0] : await withFiles(await commitInfo(gitDir, u.after));
  const full = `${repo.ownerName}/${repo.name}`;
  forge.webhooks.emit(
    repo,
    "push",
    {
      ref: `refs/heads/${u.branch}`,
      before: u.before,
      after: u.after,
      compare_url: isNew ? forge.root : `${forge.root}${full}/compare/${u.before}...${u.after}`,
      commits,
      total_commits: pushed.length,
      head_commit: head,
      repository: apiRepo,
      pusher: sender,
      sender,
    },
    opts,
  );
  await syncHeads(forge, repo, doer, u);
}

async function syncHeads(forge: Forge, repo: RepoRec, doer: UserRec, u: RefUpdate): Promise<void> {
  const open = forge.store.state.pulls.filter((p) => p.repoId === repo.id && p.state === "open");
  for (const pr of open.filter((p) => p.headBranch === u.branch && p.headSha !== u.after)) {
    pr.headSha = u.after;
    pr.updated = Date.now();
    await writePullRef(forge, repo, pr);
    // Gitea marks it "checking" before the webhook goes out (services/pull/pull.go).
    await forge.pullQueue.add(repo, pr);
    await emitPull(forge, repo, pr, "synchronized", doer);
  }
  // services/pull/pull.go TestPullRequest: PRs into the pushed branch are re-checked, with no webhook.
  for (const pr of open.filter((p) => p.baseBranch === u.branch)) await forge.pullQueue.add(repo, pr);
}

/** services/pull/pull.go CloseBranchPulls: open PRs from or into a deleted branch are closed. */
async function closeBranchPulls(forge: Forge, repo: RepoRec, doer: UserRec, branch: string): Promise<void> {
  const affected = forge.store.state.pulls.filter(
    (p) => p.repoId === repo.id && p.state === "open" && (p.headBranch === branch || p.baseBranch === branch),
  );
  for (const pr of affected) {
    pr.state = "closed";
    pr.closed = Date.now();
    pr.updated = pr.closed;
    forge.store.save();
    await emitPull(forge, repo, pr, "closed", doer);
  }
}
