import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { getConfig } from "@/lib/config";
import { createOrgRepo, editRepo, getRepo, GiteaError, splitFullName } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import type { RfcContext } from "@/lib/rfcs/context";
import { homeRepoName } from "@/lib/branches/place";
import { companionReaders, syncCompanionCollaborators } from "./collaborators";
import { companionDescription, companionRepoName, parseCompanionDescription } from "./names";

/**
 * The private companion repo of `creator` for this RFC's home, made if it is
 * missing (private, with a README on main and the marker in its
 * description), with its collaborators brought in step (§6: the creator, the
 * RFC's owners and arbiters). Returns its full name. A repo of that name
 * that is not Quorum's is never used (409); one someone made public in
 * Gitea is made private again.
 */
export async function ensureCompanion(rfc: RfcContext, creator: string, actor: BotActor): Promise<string> {
  const { org, metaRepoFullName } = getConfig();
  const name = companionRepoName(rfc.home, creator, splitFullName(metaRepoFullName).repo);
  const fullName = `${org}/${name}`;
  const ref = splitFullName(fullName);
  const facts = { slug: rfc.slug, home: homeRepoName(rfc.home), creator };
  let repo = await getRepo(ref);
  if (!repo) {
    try {
      repo = await createOrgRepo(org, { name, private: true, auto_init: true, default_branch: "main", description: companionDescription(facts) });
    } catch (err) {
      // Made meanwhile by a concurrent cut of the same creator: use it.
      if (!(err instanceof GiteaError && err.status === 409)) throw err;
      repo = await getRepo(ref);
    }
    await recordAction({ actor, kind: "private_repo_create", rfcSlug: rfc.slug, repo: fullName, details: { creator } });
  }
  const mark = parseCompanionDescription(repo?.description);
  if (!repo || !mark || mark.slug !== facts.slug || mark.home !== facts.home || mark.creator.toLowerCase() !== creator.toLowerCase()) {
    throw new AppError("conflict", `The repository ${fullName} exists and is not Quorum's private repository for ${creator}; rename it in Gitea first`);
  }
  if (!repo.private) {
    console.warn(`[quorum] ${fullName} was public; making it private again`);
    await editRepo(ref, { private: true });
  }
  await syncCompanionCollaborators(ref, companionReaders(rfc.scope, creator));
  return fullName;
}
