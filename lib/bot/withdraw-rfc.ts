import type { RfcScope } from "@/lib/auth/permissions";
import { nowIso } from "@/lib/clock";
import { parseMetaHead } from "@/lib/entries";
import { archiveRepo, getRepo, listPulls, splitFullName } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { motionOfEntry, scopeOfEntry } from "@/lib/lifecycle/entry-scope";
import { stateRefusal } from "@/lib/lifecycle/state-rules";
import { motionYaml } from "@/lib/lifecycle/motion";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";
import { closeMetaPr } from "./close-meta-pr";
import { metaRepo, readEntryOrThrow } from "./meta-entry";
import { writeEntry } from "./write-entry";

export type WithdrawResult = { commitSha: string; archivedRepo: string | null; closedPrs: number[] };

/**
 * §3 state 5: owners or admins withdraw a super-draft or an active RFC with a
 * reason. The entry stays in `rfcs/` (state withdrawn, reason, who, when) and
 * a per-RFC repo is archived in Gitea, so it stays readable and takes no
 * more writes. The repo is archived first and un-archived again if the
 * entry's commit fails, so Git never holds half a withdrawal. Open meta PRs
 * of the entry (claims, metadata changes, body edits) are closed afterwards
 * with the reason; they could never be merged any more.
 * `allowed` re-checks the caller's permission against the entry in Git (the
 * route passes assertCan); the state rule (§3) holds for every caller.
 */
export async function withdrawRfc(args: { actor: BotActor; slug: string; reason: string; allowed?: (scope: RfcScope) => void }): Promise<WithdrawResult> {
  const { actor, slug } = args;
  const reason = args.reason.trim();
  if (!reason) throw new AppError("bad_request", "reason: Say why the RFC is withdrawn", { field: "reason" });
  const check = (scope: RfcScope) => {
    args.allowed?.(scope);
    const refusal = stateRefusal("withdraw", scope.state);
    if (refusal) throw new AppError("conflict", refusal, { state: scope.state });
  };
  const before = await readEntryOrThrow(slug);
  check(scopeOfEntry(before.entry));

  const repo = before.entry.repo ? splitFullName(before.entry.repo) : null;
  const archived = repo ? await archiveOnce(repo, actor, slug, reason) : false;
  let commitSha: string;
  try {
    const written = await writeEntry({
      actor,
      slug,
      decide: ({ entry }) => {
        check(scopeOfEntry(entry));
        const at = nowIso();
        const { motion, open } = motionOfEntry(entry);
        const closed = open && motion ? { extra: { motion: motionYaml({ ...motion, outcome: "superseded", closedAt: at, closedBy: actor.login }) } } : {};
        return {
          result: null,
          edit: {
            patch: { state: "withdrawn", withdrawnReason: reason, withdrawnAt: at, withdrawnBy: actor.login, ...closed },
            subject: `Withdraw ${entry.title}`,
            body: reason,
            audit: { kind: "withdraw", details: { reason, previousState: entry.state } },
          },
        };
      },
    });
    commitSha = written.commitSha ?? "";
  } catch (err) {
    if (repo && archived) await unarchive(repo, actor, slug);
    throw err;
  }
  const closedPrs = await closeOpenMetaPrs(actor, slug, reason);
  return { commitSha, archivedRepo: before.entry.repo || null, closedPrs };
}

/** Archives the repo unless it already is; true when this call archived it. */
async function archiveOnce(repo: { owner: string; repo: string }, actor: BotActor, slug: string, reason: string): Promise<boolean> {
  const current = await getRepo(repo);
  if (!current || current.archived) return false;
  await archiveRepo(repo);
  await recordAction({ actor, kind: "archive_repo", rfcSlug: slug, repo: `${repo.owner}/${repo.repo}`, details: { reason } });
  return true;
}

async function unarchive(repo: { owner: string; repo: string }, actor: BotActor, slug: string): Promise<void> {
  try {
    await archiveRepo(repo, false);
    await recordAction({ actor, kind: "unarchive_repo", rfcSlug: slug, repo: `${repo.owner}/${repo.repo}`, details: { why: "the withdrawal's commit failed" } });
  } catch (err) {
    console.error(`[quorum] ${repo.owner}/${repo.repo} stays archived although ${slug} was not withdrawn:`, err);
  }
}

async function closeOpenMetaPrs(actor: BotActor, slug: string, reason: string): Promise<number[]> {
  const open = await listPulls(metaRepo(), "open").catch(() => []);
  const mine = open.filter((pr) => parseMetaHead(pr.head?.ref ?? "")?.slug === slug).map((pr) => pr.number ?? 0);
  const closed: number[] = [];
  for (const number of mine) {
    try {
      await closeMetaPr({ actor, number, reason: `${slug} was withdrawn: ${reason}` });
      closed.push(number);
    } catch (err) {
      console.warn(`[quorum] could not close meta PR #${number} of withdrawn ${slug}:`, err instanceof Error ? err.message : err);
    }
  }
  return closed;
}
