import "server-only";
import { deleteBranchAsBot } from "@/lib/bot/delete-branch";
import { openPullRequest } from "@/lib/bot/pull-requests";
import { commitFiles } from "@/lib/bot/write-files";
import { metaBranch, updateEntry } from "@/lib/entries";
import { GiteaError, listPulls } from "@/lib/gitea";
import { fullName, isAmbiguous, type RunContext } from "./context";

/** The graduated entry: frontmatter only, other lines byte-identical (§3, §13.3). */
function graduatedEntryText({ plan }: RunContext): string {
  return updateEntry(plan.entry.text, {
    state: "active",
    id: plan.rfcId,
    repo: fullName(plan.repo),
    owners: plan.entry.entry.owners,
    arbiters: plan.entry.entry.arbiters,
    graduatedAt: new Date().toISOString(),
    graduatedBy: plan.actor.login,
    body: "",
  });
}

async function commitGraduationBranch(ctx: RunContext, branch: string): Promise<void> {
  const { plan } = ctx;
  await commitFiles({
    repo: plan.meta,
    branch: "main",
    newBranch: branch,
    files: [{ op: "update", path: plan.entry.path, content: graduatedEntryText(ctx), sha: plan.entry.sha }],
    subject: `Graduate ${plan.slug} as ${plan.rfcId}`,
    body: `The RFC now lives in ${fullName(plan.repo)}; this entry keeps its frontmatter as record.`,
    trailers: [["RFC-Id", plan.rfcId]],
    actor: plan.actor,
    audit: { kind: "graduate_commit_entry", rfcSlug: plan.slug, branch },
  });
}

/** Step 3: the `graduate/<slug>` branch with the graduated entry, and its meta PR. */
export async function openGraduationPr(ctx: RunContext): Promise<string> {
  const { plan, effects } = ctx;
  const branch = metaBranch.graduate(plan.slug);
  try {
    await commitGraduationBranch(ctx, branch);
  } catch (err) {
    // 422: a `graduate/<slug>` left by an earlier run whose cleanup failed.
    // With no open PR on it, it is ours to replace.
    if (!(err instanceof GiteaError && err.status === 422)) throw err;
    const open = await listPulls(plan.meta, "open");
    if (open.some((pr) => pr.head?.ref === branch)) throw err;
    await deleteBranchAsBot({ repo: plan.meta, name: branch, actor: plan.actor, audit: { kind: "graduate_delete_stale_branch", rfcSlug: plan.slug } });
    await commitGraduationBranch(ctx, branch);
  }
  effects.branchCreated = true;
  const title = `Graduate ${plan.entry.entry.title} as ${plan.rfcId}`;
  try {
    const pr = await openPullRequest({
      repo: plan.meta,
      head: branch,
      title,
      description: `Makes ${plan.slug} an active RFC: id ${plan.rfcId}, repository ${fullName(plan.repo)} (§13.3).`,
      trailers: [["RFC-Id", plan.rfcId]],
      actor: plan.actor,
      audit: { kind: "graduate_open_pr", rfcSlug: plan.slug },
    });
    effects.prNumber = pr.number ?? null;
    effects.prHeadSha = pr.head?.sha ?? null;
  } catch (err) {
    if (isAmbiguous(err)) {
      const found = (await listPulls(plan.meta, "open").catch(() => [])).find((pr) => pr.head?.ref === branch);
      if (found) effects.prNumber = found.number ?? null;
    }
    throw err;
  }
  return `PR #${effects.prNumber} from ${branch}`;
}

