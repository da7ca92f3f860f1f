import { claimEntry } from "@/lib/bot/claim-entry";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { withdrawRfc } from "@/lib/bot/withdraw-rfc";
import { activeRfc, botActor, person, refreshMeta, rfcWithMotion } from "../../lifecycle/seed";
import { freshDraft } from "./resources";
import { allow, STEWARDS, type RouteRow } from "./table";

// Deciding RFCs (issue 11, §3 states 2–5): metadata changes, withdrawal,
// decisions, motions, sign-offs and concerns, and meta PRs of an entry
// settled from the RFC view. Each persona acts on fresh state (one open
// metadata PR or motion blocks the next). olive owns, arnold arbitrates.

const OWNERS_AND_ADMINS = ["rfcOwner", "admin", "owner"] as const;
const people = { owners: ["olive"], arbiters: ["arnold"] };

/** A claim by cora on a fresh super-draft of olive's: a meta PR of that entry. */
async function openClaim(fx: Parameters<RouteRow["request"]>[0]) {
  const slug = await freshDraft(fx);
  const claim = await claimEntry({ actor: await fx.actor("contributor"), slug });
  if (claim.status !== "opened") throw new Error("the claim did not open");
  await enqueueRefresh(getConfig().metaRepoFullName, { pulls: [claim.prNumber] });
  return { slug, number: String(claim.prNumber) };
}

export const decideRows: RouteRow[] = [
  {
    route: "POST /api/rfcs/[slug]/metadata",
    request: async (fx) => ({ params: { slug: await freshDraft(fx) }, body: { title: "A better title", tags: "matrix, decide", owners: "olive", arbiters: "arnold" } }),
    expect: allow(STEWARDS, 201), // owners and arbiters propose; the entry's owners or admins merge (§6)
  },
  {
    route: "POST /api/rfcs/[slug]/withdraw",
    request: async (fx) => ({ params: { slug: await freshDraft(fx) }, body: { reason: "Superseded" } }),
    expect: allow(OWNERS_AND_ADMINS, 200), // §3 state 5: owners or admins
  },
  {
    route: "POST /api/rfcs/[slug]/decision",
    request: async () => ({ params: { slug: (await activeRfc(people)).slug }, body: { outcome: "accepted", rationale: "Ready." } }),
    expect: allow(["arbiter", "owner"], 200), // §6: arbiters, and the app owner role — not admins
  },
  {
    route: "POST /api/rfcs/[slug]/motion",
    request: async () => ({ params: { slug: (await activeRfc(people)).slug }, body: { disposition: "accept", summary: "Ready to accept." } }),
    expect: allow(STEWARDS, 201),
  },
  {
    route: "POST /api/rfcs/[slug]/motion/sign-off",
    request: async () => ({ params: { slug: (await rfcWithMotion(people)).slug } }),
    expect: allow(["arbiter"], 200), // only arbiters sign off: admins and the owner too get 403
  },
  {
    route: "POST /api/rfcs/[slug]/motion/concerns",
    request: async () => ({ params: { slug: (await rfcWithMotion(people)).slug }, body: { title: "Scope", text: "Too broad." } }),
    expect: allow(["arbiter"], 201),
  },
  {
    route: "POST /api/rfcs/[slug]/motion/concerns/[concernId]/resolve",
    request: async () => {
      const rfc = await rfcWithMotion({ ...people, concern: true });
      return { params: { slug: rfc.slug, concernId: rfc.concernId ?? "" } };
    },
    expect: allow(["arbiter"], 200), // a concern blocks until its author (arnold) resolves it
  },
  {
    route: "POST /api/rfcs/[slug]/motion/cancel",
    request: async () => ({ params: { slug: (await rfcWithMotion(people)).slug }, body: { reason: "Not yet" } }),
    expect: allow(OWNERS_AND_ADMINS, 200), // its mover (olive, an owner), owners, admins
  },
  {
    route: "POST /api/rfcs/[slug]/prs/[number]/merge",
    variant: "a claim (a meta PR of the entry)",
    request: async (fx) => ({ params: await openClaim(fx) }),
    expect: allow(OWNERS_AND_ADMINS, 200), // §13.1 owners or admins merge claims
  },
  {
    route: "POST /api/rfcs/[slug]/prs/[number]/close",
    variant: "a claim (a meta PR of the entry)",
    request: async (fx) => ({ params: await openClaim(fx), body: { reason: "Not now" } }),
    expect: allow(OWNERS_AND_ADMINS, 200),
  },
  {
    route: "POST /api/test/clock",
    variant: "test-only: absent unless QUORUM_TEST_CLOCK_FILE is set",
    request: async () => ({ params: {}, body: { advanceMs: 86_400_000 } }),
    expect: { reader: 404, contributor: 404, branchCreator: 404, rfcOwner: 404, arbiter: 404, admin: 404, owner: 404 },
  },
  {
    route: "POST /api/rfcs/[slug]/branches",
    variant: "on an RFC that is a record now (withdrawn): 409 for all who could cut",
    request: async () => ({ params: { slug: await withdrawnRfc() }, body: { name: "late" } }),
    expect: allow(["contributor", "branchCreator", "rfcOwner", "arbiter", "admin", "owner"], 409),
  },
];

/** One active RFC of olive's, withdrawn (§3 state 5): a record that takes no more writes. */
let withdrawn: string | null = null;
async function withdrawnRfc(): Promise<string> {
  if (withdrawn) return withdrawn;
  const rfc = await activeRfc({ ...people, prefix: "gone" });
  await withdrawRfc({ actor: botActor(await person("olive")), slug: rfc.slug, reason: "matrix" });
  await refreshMeta();
  withdrawn = rfc.slug;
  return rfc.slug;
}
