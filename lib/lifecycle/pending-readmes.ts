import "server-only";
import { db } from "@/lib/db/client";
import { slices } from "@/lib/db/in-slices";
import { parseObject } from "@/lib/db/json";

// §3 state 4: a decision is two writes — the meta entry, then the per-RFC
// repo's README — and the lifecycle sweep completes a README write that
// failed. Which decisions still need it is known from the app's own audit
// rows, in the database: Quorum recorded the decision (`record_accepted` /
// `record_rejected`, from recordDecision or a settled motion) and has not yet
// seen the README show it (`decision_readme` with that decided_at). Decisions
// Quorum never made — history that came with the RFCs, an entry edited by
// hand — are the team's record as it stands: no README of theirs is read or
// rewritten. So a tick asks Gitea nothing for the RFCs decided long ago: at
// 10,000 RFCs (800 decided) the old scan read each one's entry and README,
// and wrote the README, on every first start (issue 15, the idle sweep).

const DECIDED_BY_QUORUM = ["record_accepted", "record_rejected"];
const README_SEEN = "decision_readme";

/** Decided RFCs with a repo whose decision Quorum recorded and whose README is not yet known to show it. */
export async function decisionsMissingReadme(): Promise<string[]> {
  const decided = await db().cachedRfc.findMany({
    where: { state: { in: ["accepted", "rejected"] }, repo: { not: null } },
    select: { slug: true, frontmatter: true },
  });
  const pending: string[] = [];
  for (const batch of slices(decided)) {
    // Both kinds of row in one read per slice, through the (rfcSlug, kind) index.
    const rows = await db().action.findMany({
      where: { rfcSlug: { in: batch.map((r) => r.slug) }, kind: { in: [...DECIDED_BY_QUORUM, README_SEEN] } },
      select: { rfcSlug: true, kind: true, details: true },
    });
    const ours = new Set(rows.filter((r) => r.kind !== README_SEEN).map((r) => r.rfcSlug));
    for (const rfc of batch) {
      if (!ours.has(rfc.slug)) continue;
      const decidedAt = String(parseObject<{ decided_at?: unknown }>(rfc.frontmatter, {}).decided_at ?? "");
      const seen = rows.some((r) => r.kind === README_SEEN && r.rfcSlug === rfc.slug && parseObject<{ decidedAt?: unknown }>(r.details, {}).decidedAt === decidedAt);
      if (!seen) pending.push(rfc.slug);
    }
  }
  return pending;
}
