import { gitDirOf, type Forge } from "./forge";
import { branchSha } from "./git";
import { checkPull } from "./pull-check";
import type { PullRec, RepoRec } from "./types";

// Gitea's pr_patch_checker queue (FACTS §7.2; services/pull/check.go
// AddToTaskQueue, pull.go TestPullRequest): a push to a PR's head or base
// sets the PR to "checking" and tests the merge later, in the background.
// Meanwhile the PR reads `mergeable: false` and a merge answers 405. The
// queue is unique per PR: queuing a PR already queued does not postpone it.
// A branch pushed less than `mergeCheckMs` ago still has its push task in
// flight, so a PR opened on it starts "checking" too.

export class PullQueue {
  private timers = new Map<number, NodeJS.Timeout>();
  private pushedUntil = new Map<string, number>();
  private running = new Set<Promise<void>>();

  constructor(private readonly forge: Forge) {}

  private get delay(): number {
    return this.forge.behaviour.mergeCheckMs;
  }

  /** AddToTaskQueue: "checking" now (saved), the test after the delay. */
  async add(repo: RepoRec, pr: PullRec): Promise<void> {
    const gitDir = gitDirOf(this.forge, repo);
    // Record the branches as seen now, so a read meanwhile does not queue it again (syncPull).
    const [head, base] = await Promise.all([branchSha(gitDir, pr.headBranch), branchSha(gitDir, pr.baseBranch)]);
    if (head) pr.headSha = head;
    pr.baseSha = base ?? "";
    pr.status = "checking";
    this.forge.store.save();
    if (this.timers.has(pr.id)) return;
    const timer = setTimeout(() => {
      this.timers.delete(pr.id);
      this.start(repo, pr);
    }, this.delay);
    timer.unref();
    this.timers.set(pr.id, timer);
  }

  private start(repo: RepoRec, pr: PullRec): void {
    const run: Promise<void> = this.test(repo, pr).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private async test(repo: RepoRec, pr: PullRec): Promise<void> {
    try {
      await this.forge.locks.run(`repo:${repo.id}`, async () => {
        if (pr.state !== "open" || pr.status !== "checking") return;
        await checkPull(this.forge, repo, pr);
        this.forge.store.save();
      });
    } catch (err) {
      console.error(`[forge] mergeability check of ${repo.ownerName}/${repo.name}#${pr.index} failed:`, err);
      pr.status = "error";
      this.forge.store.save();
    }
  }

  /** A push landed on `branch` (its post-receive work counts as in flight for the delay). */
  pushed(repo: RepoRec, branch: string): void {
    this.pushedUntil.set(`${repo.id}:${branch}`, Date.now() + this.delay);
  }

  pushedRecently(repo: RepoRec, branch: string): boolean {
    return (this.pushedUntil.get(`${repo.id}:${branch}`) ?? 0) > Date.now();
  }

  /** Whether `pr` waits in the queue. */
  isQueued(pr: PullRec): boolean {
    return this.timers.has(pr.id);
  }

  /** Finishes every push task and queued check now and waits for them (tests). */
  async drain(): Promise<void> {
    this.pushedUntil.clear();
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(id);
      const found = this.forge.store.state.pulls.find((p) => p.id === id);
      const repo = found && this.forge.store.repoById(found.repoId);
      if (found && repo) this.start(repo, found);
    }
    await Promise.all([...this.running]);
  }

  /** Drops what is queued and waits for checks already running (forge shutdown). */
  async stop(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }
}
