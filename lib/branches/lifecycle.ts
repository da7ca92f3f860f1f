import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { deleteBranchAsBot } from "@/lib/bot/delete-branch";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { repoNameOf, repoOf, type RfcContext } from "@/lib/rfcs/context";
import type { BranchContext } from "./context";
import type { Visibility } from "./cut";

// §8.3 visibility (app data only: Gitea does not know about it) and §12 /
// §11.5 deletion (the Git branch goes, the row and its conversation stay).

export async function setBranchVisibility(args: {
  rfc: RfcContext;
  branch: BranchContext;
  visibility: Visibility;
  actor: BotActor;
}): Promise<void> {
  const { rfc, branch, visibility, actor } = args;
  if (branch.isMain) throw new AppError("forbidden", "Main is always public");
  await db().branchMeta.upsert({
    where: { rfcSlug_name: { rfcSlug: rfc.slug, name: branch.name } },
    create: { rfcSlug: rfc.slug, name: branch.name, createdBy: branch.scope.createdBy, visibility },
    update: { visibility },
  });
  await recordAction({ actor, kind: "branch_visibility", rfcSlug: rfc.slug, branch: branch.name, details: { visibility } });
}

export async function deleteRfcBranch(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor }): Promise<void> {
  const { rfc, branch, actor } = args;
  if (branch.isMain) throw new AppError("forbidden", "Main cannot be deleted");
  await deleteBranchAsBot({
    repo: repoOf(rfc.home),
    name: branch.ref,
    actor,
    audit: { kind: "delete_branch", rfcSlug: rfc.slug, details: { display: branch.name, repo: repoNameOf(rfc.home) } },
  });
  const deleted = { deletedAt: new Date(), deletedBy: actor.login };
  await db().branchMeta.upsert({
    where: { rfcSlug_name: { rfcSlug: rfc.slug, name: branch.name } },
    create: { rfcSlug: rfc.slug, name: branch.name, createdBy: branch.scope.createdBy, visibility: branch.scope.visibility, ...deleted },
    update: deleted,
  });
  await refreshAfterWrite(rfc.home);
}
