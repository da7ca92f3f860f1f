import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { db } from "@/lib/db/client";
import { createBranch, getBranch, GiteaError } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { ensureCompanion } from "@/lib/private/companion-repo";
import { startPrivateBranch } from "@/lib/private/start";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { RfcContext } from "@/lib/rfcs/context";
import { writeCutTag } from "./cut-tag";
import { branchNameLimit, checkBranchName } from "./names";
import { homeRepoName, mainPlace, privatePlace, publicPlace, type BranchPlace } from "./place";

export type Visibility = "public" | "private";

const taken = (name: string) => new AppError("conflict", `A branch named "${name}" already exists`);

/**
 * §8.3 / §12: cuts a branch from main through the bot. A public branch is a
 * ref of the RFC's repo, tagged with its creator (lib/branches/cut-tag); a
 * private one starts in the creator's private companion repo with main's
 * document and a `Quorum-Base` trailer (lib/private), so it never exists
 * where Gitea would show it to others. The app row (creator, visibility,
 * place) is written before the Git ref and removed again if Gitea refuses.
 * 422 for a bad name (§11), 409 when the name is taken (also by a deleted
 * branch, whose conversation keeps the name, §11.5).
 */
export async function cutBranch(args: { rfc: RfcContext; name: string; visibility: Visibility; actor: BotActor }): Promise<{ name: string; place: BranchPlace; headSha: string }> {
  const { rfc, name, actor } = args;
  const check = checkBranchName(name, branchNameLimit(rfc.home));
  if (!check.ok) throw new AppError("unprocessable", check.reason, { field: "name" });
  const key = { rfcSlug_name: { rfcSlug: rfc.slug, name } };
  const pub = publicPlace(rfc.home, name);
  if (await db().branchMeta.findUnique({ where: key })) throw taken(name);
  if (await getBranch(pub.repo, pub.ref)) throw taken(name);
  const place = args.visibility === "private" ? privatePlace(rfc.home, name, await ensureCompanion(rfc, actor.login, actor)) : pub;
  if (place.private && (await getBranch(place.repo, place.ref))) throw taken(name);
  try {
    await db().branchMeta.create({
      data: { rfcSlug: rfc.slug, name, createdBy: actor.login, visibility: args.visibility, home: homeRepoName(rfc.home), repo: place.repoName },
    });
  } catch {
    throw taken(name);
  }
  let headSha: string;
  try {
    headSha = place.private ? await startPrivate(rfc, place, actor) : ((await createBranch(place.repo, place.ref, "main")).commit?.id ?? "");
  } catch (err) {
    await db().branchMeta.delete({ where: key });
    if (err instanceof GiteaError && (err.status === 409 || err.status === 422)) {
      throw new AppError("conflict", `Git refused the branch name "${name}": ${err.message}`);
    }
    throw err;
  }
  if (!place.private) {
    // The creator also lives in the app row: a failed tag costs only the rebuild's knowledge of it.
    await writeCutTag(place.repo, place.ref, headSha, actor.login, actor).catch((err) =>
      console.warn(`[quorum] cut tag of ${place.repoName}:${place.ref} not written:`, err instanceof Error ? err.message : err),
    );
  }
  await recordAction({
    actor,
    kind: "cut_branch",
    rfcSlug: rfc.slug,
    branch: name,
    repo: place.repoName,
    commitSha: headSha,
    details: { ref: place.ref, from: "main", visibility: args.visibility },
  });
  await refreshAfterWrite(place);
  return { name, place, headSha };
}

/** A private branch starts with main's document in its companion repo. */
async function startPrivate(rfc: RfcContext, place: BranchPlace, actor: BotActor): Promise<string> {
  const main = await readDocumentAt(mainPlace(rfc.home));
  return startPrivateBranch({ place, baseSha: main.headSha, fileText: main.fileText, actor, audit: { kind: "start_private_branch", rfcSlug: rfc.slug } });
}
