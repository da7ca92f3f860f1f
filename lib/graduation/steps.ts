import "server-only";
import { mergePullRequest } from "@/lib/bot/pull-requests";
import { createRfcRepo } from "@/lib/bot/rfc-repo";
import { commitFiles } from "@/lib/bot/write-files";
import { getConfig } from "@/lib/config";
import { getPull, getRepo } from "@/lib/gitea";
import { fullName, isAmbiguous, type RunContext } from "./context";
import { openGraduationPr } from "./open-graduation-pr";
import { refreshAfterGraduation } from "./refresh";
import { seedFiles } from "./seed-files";
import type { ForwardStepKey } from "./types";

// The five forward steps of §13.3. Each returns a one-line detail for the
// step list and records in `effects` what it changed, as soon as it changed
// it, so that rollback.ts undoes exactly that.

async function createRepo({ plan, effects }: RunContext): Promise<string> {
  const { entry } = plan.entry;
  try {
    await createRfcRepo({
      repo: plan.repo,
      description: `${plan.rfcId}: ${entry.title}`,
      actor: plan.actor,
      audit: { kind: "graduate_create_repo", rfcSlug: plan.slug, details: { rfcId: plan.rfcId } },
    });
  } catch (err) {
    // The repo did not exist at POST time, so one there now after an
    // unanswered create is ours and must be deleted on rollback.
    if (isAmbiguous(err) && (await getRepo(plan.repo).catch(() => null))) effects.repoCreated = true;
    throw err;
  }
  effects.repoCreated = true;
  return `Created ${fullName(plan.repo)}`;
}

async function seed({ plan }: RunContext): Promise<string> {
  const config = getConfig();
  const files = seedFiles({
    entry: plan.entry.entry,
    rfcId: plan.rfcId,
    repo: fullName(plan.repo),
    metaRepo: fullName(plan.meta),
    entryPath: plan.entry.path,
    appUrl: config.appUrl,
    giteaPublicUrl: config.giteaPublicUrl,
  });
  const { commitSha } = await commitFiles({
    repo: plan.repo,
    branch: "main",
    files: files.map((f) => ({ op: "create" as const, ...f })),
    subject: `Seed ${plan.rfcId}: ${plan.entry.entry.title}`,
    body: `Graduated from ${fullName(plan.meta)}:${plan.entry.path}.`,
    trailers: [["RFC-Id", plan.rfcId]],
    actor: plan.actor,
    audit: { kind: "graduate_seed", rfcSlug: plan.slug, branch: "main" },
  });
  return `${files.map((f) => f.path).join(", ")} in ${commitSha.slice(0, 7)}`;
}

async function merge({ plan, effects }: RunContext): Promise<string> {
  const number = effects.prNumber ?? 0;
  try {
    await mergePullRequest({
      repo: plan.meta,
      number,
      title: `Merge graduation: ${plan.slug} as ${plan.rfcId} (#${number})`,
      headCommitId: effects.prHeadSha ?? undefined,
      deleteBranch: true,
      actor: plan.actor,
      audit: { kind: "graduate_merge_pr", rfcSlug: plan.slug, details: { rfcId: plan.rfcId } },
    });
  } catch (err) {
    // §13.5: a merge that landed although its answer failed cannot be undone.
    const pr = await getPull(plan.meta, number).catch(() => null);
    if (!pr?.merged) throw err;
  }
  effects.merged = true;
  return `PR #${number} merged into main`;
}

export const FORWARD: Record<ForwardStepKey, (ctx: RunContext) => Promise<string>> = {
  create_repo: createRepo,
  seed_files: seed,
  open_pr: openGraduationPr,
  merge_pr: merge,
  refresh_cache: ({ plan, effects }) => refreshAfterGraduation(plan, effects.prNumber),
};
