import "server-only";
import { displayNameOf } from "@/lib/branches/names";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { findRfc } from "@/lib/rfcs/context";
import { notifyClaim, notifyIdea, notifyPr } from "./events";
import { guarded } from "./guarded";

// PRs opened or merged in Gitea itself, which Quorum hears of only by its
// webhook (issue 14): told as the app tells its own — the owners of the RFC
// hear of a PR opened or merged, the proposer of an idea merged, the owners
// and admins of a claim — naming the Gitea user who did it (§15.9). When
// that user is the bot, Quorum did it on someone's behalf and has told the
// people already, naming that person; an event's key is the same on both
// paths, so one seen twice is told once.

export type GiteaPrEvent = { repo: string; number: number; verb: "opened" | "merged"; sender: { login: string; name: string | null } };

/** Called once the refresh the event queued has run, so the cached PR says which RFC, kind and branch it is. */
export const notifyPrFromGitea = (e: GiteaPrEvent) => guarded(`Gitea PR ${e.verb}`, async () => {
  if (e.sender.login.toLowerCase() === getConfig().botUser.toLowerCase()) return;
  const pr = await db().cachedPr.findUnique({ where: { repo_number: { repo: e.repo, number: e.number } }, select: { rfcSlug: true, kind: true, headBranch: true, openedBy: true } });
  if (!pr) return; // not a PR of Quorum's (§9): into another base, or from a branch it does not know
  const rfc = await findRfc(pr.rfcSlug);
  if (!rfc) return;
  const known = await db().user.findUnique({ where: { login: e.sender.login }, select: { name: true } });
  const actor = { login: e.sender.login, name: known?.name || e.sender.name || e.sender.login };
  const documentPr = pr.kind === "rfc_branch" || pr.kind === "meta_body_edit";
  if (e.verb === "opened") {
    if (documentPr) await notifyPr(rfc, { number: e.number, branch: displayNameOf(rfc.home, pr.headBranch), url: "" }, "opened", actor);
    if (pr.kind === "meta_claim") await notifyClaim(rfc, e.number, actor);
    return;
  }
  if (pr.kind === "idea") await notifyIdea({ slug: rfc.slug, proposer: pr.openedBy, prNumber: e.number, verb: "merged", actor });
  else if (pr.kind !== "graduation") await notifyPr(rfc, { number: e.number, branch: documentPr ? displayNameOf(rfc.home, pr.headBranch) : null, url: "" }, "merged", actor);
});
