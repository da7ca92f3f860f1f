import "server-only";
import type { GitWrite } from "@prisma/client";
import type { PullRequest } from "gitea-js";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { displayNameOf, type DocHome } from "@/lib/branches/names";
import { getConfig } from "@/lib/config";
import { getLocks } from "@/lib/coordination/locks";
import { db } from "@/lib/db/client";
import { getPull, splitFullName } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { repoNameOf } from "@/lib/rfcs/context";
import { crashPoint } from "@/lib/writes/crash-point";
import { failWrite, findWrite, openWrite, requestOf, settleWrite } from "@/lib/writes/journal";
import { mergeKey } from "@/lib/writes/keys";

// A PR merge that never half-happens (issue 13 item 4): journaled like an
// accept. A merge is final in Gitea, so whether it landed is the PR's own
// `merged`; after it come the audit row (once) and the cache refresh. A
// retry of the same merge by the same person answers as the first did.

type MergeRequest = { home: DocHome; number: number; login: string; name: string; auditKind: string; title: string };

/** After the merge, idempotent: its audit row (written by the bot unless the answer was lost), the cache. */
async function settleMerge(w: GitWrite, pr: PullRequest): Promise<void> {
  const req = requestOf<MergeRequest>(w) as MergeRequest;
  const audited = await db().action.findFirst({ where: { repo: w.repo, prNumber: req.number, kind: req.auditKind }, select: { id: true } });
  if (!audited) {
    await recordAction({
      actor: { userId: w.userId, login: req.login, name: req.name },
      kind: req.auditKind,
      rfcSlug: w.rfcSlug,
      repo: w.repo,
      prNumber: req.number,
      commitSha: pr.merge_commit_sha ?? null,
      details: { title: req.title, recordedAfter: "the merge's answer was lost" },
    });
  }
  await refreshAfterWrite(req.home, { pulls: [req.number], entries: req.home.kind === "meta" });
  await settleWrite(w.id, pr.merge_commit_sha ?? null, { number: req.number });
}

/** Settles a merge left open: Gitea says whether the PR merged. Throws when Gitea cannot tell. */
export async function settleOpenMerge(w: GitWrite): Promise<boolean> {
  const { number } = requestOf<MergeRequest>(w);
  const pr = await getPull(splitFullName(w.repo), number ?? 0);
  if (!pr?.merged) {
    await failWrite(w.id, "The PR was not merged.");
    return false;
  }
  await settleMerge(w, pr);
  return true;
}

/**
 * Merges PR `number` of `home`'s repo (an RFC repo, or the meta repo for an
 * entry's meta PRs) through `merge` under the PR's own lock, journaled. The holder
 * may retry a merge Gitea is still checking (merge-when-ready.ts) for a few
 * seconds; a second merge of the same PR waits for it at most two Gitea
 * deadlines, then is asked to try again (no lock across an unbounded wait). Answers
 * "already merged" (true) without merging when the same person's earlier
 * merge of it landed — the first answer, given again.
 */
export async function writeMerge(args: { home: DocHome; number: number; actor: BotActor; auditKind: string; load: () => Promise<PullRequest>; merge: (pr: PullRequest) => Promise<void> }): Promise<void> {
  const { home, number, actor } = args;
  const repo = repoNameOf(home);
  const key = mergeKey(repo, number);
  const turn = { waitMs: 2 * getConfig().giteaTimeoutMs, busy: `#${number} is being merged right now; try again in a moment.` };
  await getLocks().withLock(key, async () => {
    const prior = await findWrite(key);
    if (prior && prior.userId === actor.userId && prior.state !== "failed") {
      if (prior.state === "settled" || (await settleOpenMerge(prior))) return;
    }
    const pr = await args.load(); // 409 when merged or closed meanwhile
    const head = pr.head?.ref ?? "";
    const request: MergeRequest = { home, number, login: actor.login, name: actor.name, auditKind: args.auditKind, title: pr.title ?? "" };
    const w = await openWrite({
      key, kind: "merge", rfcSlug: home.slug, branch: displayNameOf(home, head) ?? head, repo, ref: pr.base?.ref ?? "main",
      baseSha: pr.base?.sha ?? null, userId: actor.userId, request,
    });
    try {
      await args.merge(pr);
    } catch (err) {
      // Whatever the answer said, the PR says whether it merged.
      const now = await getPull(splitFullName(repo), number).catch(() => undefined);
      if (now === undefined) throw new AppError("upstream", `Gitea did not confirm the merge of #${number} and cannot be asked now; Quorum will check it.`);
      if (!now?.merged) {
        await failWrite(w.id, err instanceof Error ? err.message : String(err));
        throw err;
      }
      crashPoint("merge:after-write");
      return settleMerge(w, now);
    }
    crashPoint("merge:after-write");
    await settleMerge(w, pr);
  }, turn);
}
