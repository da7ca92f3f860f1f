import "server-only";
import type { PullRequest } from "gitea-js";
import type { BotActor } from "@/lib/bot/actor";
import { closeMetaPr } from "@/lib/bot/close-meta-pr";
import { metaRepo } from "@/lib/bot/meta-entry";
import { loadOpenMetaPr } from "@/lib/bot/meta-pr";
import { mergeMetaPr } from "@/lib/bot/merge-meta-pr";
import { getPull, GiteaError } from "@/lib/gitea";
import { AppError, notFound } from "@/lib/http/errors";
import { afterMetaMerge } from "@/lib/lifecycle/after-meta-merge";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { RfcContext } from "@/lib/rfcs/context";
import { parseMetaHead } from "@/lib/entries";
import { getConfig } from "@/lib/config";
import { mergeOf, type PrView } from "./branch-prs";
import { writeMerge } from "./merge-write";

// §9 the meta PRs of one entry — body edits, claims and metadata changes —
// merged or closed from the RFC view, the admin page or the graduate dialog
// through POST /api/rfcs/{slug}/prs/{n}/merge|close (for an active RFC with
// `{ "repo": "meta" }`, since its own repo numbers PRs too). The entry's owners and
// admins may (§6 "merge meta PRs"); the route checks that before this runs.

const SETTLED_HERE = new Set(["meta_body_edit", "meta_claim", "meta_metadata"]);

async function view(pr: PullRequest, merged: boolean | null): Promise<PrView> {
  const head = parseMetaHead(pr.head?.ref ?? "");
  const merge = await mergeOf(getConfig().metaRepoFullName, pr);
  return {
    number: pr.number ?? 0,
    title: pr.title ?? "",
    state: (merged ?? pr.merged) ? "merged" : pr.state === "closed" ? "closed" : "open",
    branch: head?.kind === "meta_body_edit" ? (head.name ?? null) : null,
    mergeable: merge.mergeable,
    mergeState: merge.mergeState,
    url: pr.html_url ?? "",
  };
}

export async function settleEntryMetaPr(args: { rfc: RfcContext; number: number; action: "merge" | "close"; actor: BotActor; reason?: string }): Promise<PrView> {
  const { rfc, number, actor } = args;
  const home = { kind: "meta" as const, slug: rfc.slug };
  const pr = await getPull(metaRepo(), number);
  const head = parseMetaHead(pr?.head?.ref ?? "");
  // Another entry's PR, an idea or a graduation PR: not this route's (ideas are decided in the catalog).
  if (!pr || !head || head.slug !== rfc.slug || !SETTLED_HERE.has(head.kind)) throw notFound(`No PR #${number} on ${rfc.slug}`);
  if (args.action === "close") {
    await loadOpenMetaPr(number); // 409 when it is merged or closed already
    await closeMetaPr({ actor, number, reason: args.reason });
    await refreshAfterWrite(home, { pulls: [number] });
    return view({ ...pr, state: "closed" }, false);
  }
  // Journaled (merge-write.ts) like an RFC's PRs: a retry of this merge by the same person answers as the first did.
  await writeMerge({
    home, number, actor,
    auditKind: `merge_${head.kind}`,
    load: async () => (await loadOpenMetaPr(number)).pr, // 409 when it is merged or closed already
    merge: async () => {
      try {
        await mergeMetaPr({ actor, number, expectKind: head.kind });
      } catch (err) {
        if (err instanceof GiteaError && [405, 409].includes(err.status)) {
          throw new AppError("conflict", `Gitea could not merge #${number}: ${err.message}. The entry changed since it was opened; close it and open it again.`);
        }
        throw err;
      }
    },
  });
  await afterMetaMerge({ kind: head.kind, slug: rfc.slug, prNumber: number, actor });
  if (rfc.home.kind === "rfc") await refreshAfterWrite(rfc.home);
  return view(pr, true);
}
