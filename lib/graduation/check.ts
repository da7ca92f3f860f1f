import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { metaBranch } from "@/lib/entries";
import { getConfig } from "@/lib/config";
import { listBlockingPrs } from "./blocking-prs";
import { isSlugLocked } from "./lock";
import { repoNameError, rfcIdError, suggestRepoName } from "./patterns";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import type { GraduationCheck } from "./types";
import { inFlightGraduations, latestSettledGraduation, repoTakenReason, rfcIdTakenReason, suggestNextRfcId } from "./validate";

// §13.2 the dialog's debounced check. Advisory only: POST decides again.

async function field(value: string | undefined, formatError: (v: string) => string | null, taken: (v: string) => Promise<string | null>) {
  if (value === undefined) return null;
  const message = formatError(value) ?? (await taken(value));
  return { value, ok: !message, message };
}

export async function checkGraduation(args: { slug: string; id?: string; repo?: string; viewer: Actor | null }): Promise<GraduationCheck> {
  const { slug, viewer } = args;
  const rfc = await loadRfcOrThrow(slug);
  const scope = rfc.scope;
  const inFlight = await inFlightGraduations();
  const suggestedId = await suggestNextRfcId(inFlight);
  const [id, repo, items, last, claim] = await Promise.all([
    field(args.id, rfcIdError, (v) => rfcIdTakenReason(v, slug, inFlight)),
    field(args.repo, repoNameError, (v) => repoTakenReason(v, slug, inFlight)),
    listBlockingPrs({ slug, scope, viewer }),
    latestSettledGraduation(slug),
    db().cachedPr.findFirst({
      where: { repo: getConfig().metaRepoFullName, headBranch: metaBranch.claim(slug), state: "open" },
      select: { number: true, openedBy: true },
    }),
  ]);
  const running = await isSlugLocked(slug);
  const owners = {
    ok: scope.owners.length > 0,
    logins: scope.owners,
    message: scope.owners.length ? null : "Nobody owns this RFC yet: someone must claim it first (§13.1)",
  };
  const blockingPrs = {
    ok: items.length === 0,
    items,
    message: items.length ? `${items.length} open body-edit PR${items.length === 1 ? "" : "s"} must be merged or withdrawn first` : null,
  };
  const canGraduate = can(viewer, "graduate", { rfc: scope });
  return {
    slug,
    title: rfc.title,
    state: rfc.state,
    suggested: { id: suggestedId, repo: suggestRepoName(suggestedId, slug) },
    repoOwner: getConfig().org,
    id,
    repo,
    owners,
    blockingPrs,
    graduation: last,
    inFlight: running,
    viewer: {
      canGraduate,
      canClaim: rfc.state === "super-draft" && can(viewer, "claim", { rfc: scope }) && !!viewer && !scope.owners.includes(viewer.login),
      isOwner: !!viewer && scope.owners.includes(viewer.login),
      openClaim: claim,
      canSettleClaim: can(viewer, "merge_meta_pr", { rfc: scope }),
    },
    canSubmit:
      rfc.state === "super-draft" && canGraduate && !running && !!id?.ok && !!repo?.ok && owners.ok && blockingPrs.ok,
  };
}
