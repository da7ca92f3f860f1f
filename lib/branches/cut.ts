import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { db } from "@/lib/db/client";
import { createBranch, getBranch, GiteaError } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import { repoNameOf, repoOf, type RfcContext } from "@/lib/rfcs/context";
import { checkBranchName, gitRefOf } from "./names";

export type Visibility = "public" | "private";

/**
 * §8.3 / §12: cuts a branch from main through the bot. The BranchMeta row
 * (creator, visibility) is written before the Git ref so a private branch is
 * never listed as public in between; it is removed again if Gitea refuses.
 * 422 for a bad name (§11), 409 when the name is taken (also by a deleted
 * branch, whose conversation keeps the name, §11.5).
 */
export async function cutBranch(args: {
  rfc: RfcContext;
  name: string;
  visibility: Visibility;
  actor: BotActor;
}): Promise<{ name: string; ref: string; headSha: string }> {
  const { rfc, name, actor } = args;
  const check = checkBranchName(name);
  if (!check.ok) throw new AppError("unprocessable", check.reason, { field: "name" });
  const ref = gitRefOf(rfc.home, name);
  const repo = repoOf(rfc.home);
  if (await db().branchMeta.findUnique({ where: { rfcSlug_name: { rfcSlug: rfc.slug, name } } })) {
    throw new AppError("conflict", `A branch named "${name}" already exists`);
  }
  if (await getBranch(repo, ref)) throw new AppError("conflict", `A branch named "${name}" already exists`);
  try {
    await db().branchMeta.create({ data: { rfcSlug: rfc.slug, name, createdBy: actor.login, visibility: args.visibility } });
  } catch {
    throw new AppError("conflict", `A branch named "${name}" already exists`);
  }
  let headSha: string;
  try {
    const branch = await createBranch(repo, ref, "main");
    headSha = branch.commit?.id ?? "";
  } catch (err) {
    await db().branchMeta.delete({ where: { rfcSlug_name: { rfcSlug: rfc.slug, name } } });
    if (err instanceof GiteaError && (err.status === 409 || err.status === 422)) {
      throw new AppError("conflict", `Git refused the branch name "${name}": ${err.message}`);
    }
    throw err;
  }
  await recordAction({
    actor,
    kind: "cut_branch",
    rfcSlug: rfc.slug,
    branch: name,
    repo: repoNameOf(rfc.home),
    commitSha: headSha,
    details: { ref, from: "main", visibility: args.visibility },
  });
  await refreshAfterWrite(rfc.home);
  return { name, ref, headSha };
}
