import "server-only";
import { randomBytes } from "node:crypto";
import type { BotActor } from "@/lib/bot/actor";
import { closePullRequest, mergePullRequest, openPullRequest } from "@/lib/bot/pull-requests";
import { commitFiles } from "@/lib/bot/write-files";
import { createBranch, deleteBranch, GiteaError, type RepoRef } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { HELPER_BRANCH_PREFIX } from "./names";

// §12 a merge of main into a branch whose document is the text Quorum
// merged block by block (or the person resolved), not Git's line merge.
// Gitea's API makes a two-parent commit only by merging a pull request, and
// Git refuses edits of neighbouring lines that the block merge accepts. So
// both sides are brought to the same document first — a commit on the
// branch, and one on a short-lived helper branch cut from main's commit —
// and the helper is merged into the branch: identical changes merge
// cleanly in Git, the merge commit's tree holds exactly the merged text,
// main is in the branch's history ("behind by 0"), and every commit carries
// On-behalf-of. The helper lives under quorum/, which is never an RFC's
// branch (names.ts), and is deleted with the merge.

type Side = { sha: string; text: string; blobSha: string };

export type ResolvedMerge = {
  repo: RepoRef;
  /** The branch's Git ref and display name. */
  ref: string;
  name: string;
  path: string;
  head: Side;
  main: Side;
  /** The document the merge must hold. */
  text: string;
  behindBy: number;
  slug: string;
  actor: BotActor;
};

export async function mergeResolved(m: ResolvedMerge): Promise<{ prNumber: number }> {
  const { repo, actor } = m;
  const audit = (kind: string, details: Record<string, unknown> = {}) => ({ kind, rfcSlug: m.slug, branch: m.name, details: { mainSha: m.main.sha, ...details } });
  let headSha = m.head.sha;
  if (m.text !== m.head.text) {
    headSha = (
      await commitFiles({
        repo,
        branch: m.ref,
        files: [{ op: "update", path: m.path, content: m.text, sha: m.head.blobSha }],
        subject: `Merge main's text into ${m.name}`,
        body: `The document as merged with main ${m.main.sha.slice(0, 7)}; the merge commit that follows brings main's history.`,
        actor,
        audit: audit("update_from_main_text"),
      })
    ).commitSha;
  }
  const helper = `${HELPER_BRANCH_PREFIX}update/${randomBytes(6).toString("hex")}`;
  await createBranch(repo, helper, m.main.sha);
  let helperSha = m.main.sha;
  let number = 0;
  try {
    if (m.text !== m.main.text) {
      helperSha = (
        await commitFiles({
          repo,
          branch: helper,
          files: [{ op: "update", path: m.path, content: m.text, sha: m.main.blobSha }],
          subject: `Merge main's text into ${m.name}`,
          body: `The same document as on ${m.name}, so Git merges main's history without redoing the text.`,
          actor,
          audit: audit("update_from_main_text", { helper }),
        })
      ).commitSha;
    }
    const pr = await openPullRequest({
      repo,
      head: helper,
      base: m.ref,
      title: `Update ${m.name} from main`,
      description: `Merges main (${m.behindBy} commit${m.behindBy === 1 ? "" : "s"}) into ${m.name}, with the document merged by Quorum.`,
      actor,
      audit: { kind: "update_from_main_pr", rfcSlug: m.slug, details: { branch: m.name, behindBy: m.behindBy, helper } },
    });
    number = pr.number ?? 0;
    await mergePullRequest({
      repo,
      number,
      title: `Merge main into ${m.name}`,
      headCommitId: helperSha,
      deleteBranch: true,
      actor,
      audit: { kind: "update_from_main", rfcSlug: m.slug, details: { branch: m.name, mainSha: m.main.sha, behindBy: m.behindBy, resolved: true, headSha } },
    });
    return { prNumber: number };
  } catch (err) {
    if (number) await closePullRequest({ repo, number, actor, audit: { kind: "update_from_main_abandoned", rfcSlug: m.slug } }).catch(() => undefined);
    await deleteBranch(repo, helper).catch(() => undefined);
    if (err instanceof GiteaError && [405, 409].includes(err.status)) {
      throw new AppError("conflict", `Gitea could not merge main into ${m.name}: ${err.message}`, { files: [] });
    }
    throw err;
  }
}
