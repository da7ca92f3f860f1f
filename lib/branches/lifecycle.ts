import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { deleteBranchAsBot } from "@/lib/bot/delete-branch";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { RfcContext } from "@/lib/rfcs/context";
import type { BranchContext } from "./context";
import { deleteCutTag } from "./cut-tag";
import { homeRepoName } from "./place";

// §12 / §11.5 deletion: the Git branch goes (from the RFC's repo, or from
// its private companion repo), the app row and the conversation stay,
// read-only. (§8.3 visibility moves the branch: lib/private/move-branch.)

export async function deleteRfcBranch(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor }): Promise<void> {
  const { rfc, branch, actor } = args;
  if (branch.isMain) throw new AppError("forbidden", "Main cannot be deleted");
  const { place } = branch;
  await deleteBranchAsBot({
    repo: place.repo,
    name: place.ref,
    actor,
    audit: { kind: "delete_branch", rfcSlug: rfc.slug, details: { display: branch.name, repo: place.repoName, private: place.private } },
  });
  if (!place.private) {
    await deleteCutTag(place.repo, place.ref).catch((e) => console.warn("[quorum] cut tag not removed:", e instanceof Error ? e.message : e));
  }
  const deleted = { deletedAt: new Date(), deletedBy: actor.login };
  await db().branchMeta.upsert({
    where: { rfcSlug_name: { rfcSlug: rfc.slug, name: branch.name } },
    create: {
      rfcSlug: rfc.slug,
      name: branch.name,
      createdBy: branch.scope.createdBy,
      visibility: branch.scope.visibility,
      home: homeRepoName(rfc.home),
      repo: place.repoName,
      ...deleted,
    },
    update: deleted,
  });
  await refreshAfterWrite(place);
  // Gitea closed the branch's open PRs with it (FACTS §7.7): read them so the branch shows its PR closed.
  if (!place.private) {
    const prs = await db().cachedPr.findMany({ where: { repo: place.repoName, headBranch: place.ref, state: "open" }, select: { number: true } });
    if (prs.length) await refreshAfterWrite(rfc.home, { pulls: prs.map((p) => p.number) });
  }
}
