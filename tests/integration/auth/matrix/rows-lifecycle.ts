import { ACTIVE, DRAFT, unique } from "./fixture";
import { freshDraft, openIdea, openPr } from "./resources";
import { ADMINS, allow, form, SIGNED_IN, STEWARDS, type ActionRow, type RouteRow } from "./table";

// The lifecycle: claims, graduation, PRs to main, ideas (§3, §9, §13, §7.3).

export const lifecycleRows: RouteRow[] = [
  {
    route: "POST /api/rfcs/[slug]/claim",
    request: async (fx) => ({ params: { slug: await freshDraft(fx) } }),
    // §13.1 any contributor; olive already owns it, so hers is a no-op (200).
    expect: { ...allow(SIGNED_IN, 201), rfcOwner: 200 },
  },
  {
    route: "POST /api/rfcs/[slug]/graduate",
    request: async () => ({ params: { slug: ACTIVE }, body: { id: "RFC-0100", repo: "rfc-0100-matrix" } }),
    // The gate passes for stewards and admins, then §13.2 refuses: the RFC is already active (409).
    expect: allow(STEWARDS, 409),
  },
  {
    route: "POST /api/rfcs/[slug]/prs/[number]/merge",
    request: async (fx) => ({ params: { slug: ACTIVE, number: String(await openPr(fx, ACTIVE)) } }),
    expect: allow(STEWARDS, 200), // §6 merge PRs to main: owners, arbiters, admins
  },
  {
    route: "POST /api/rfcs/[slug]/prs/[number]/merge",
    variant: "super-draft body edit (a meta PR)",
    request: async (fx) => ({ params: { slug: DRAFT, number: String(await openPr(fx, DRAFT)) } }),
    expect: allow(["rfcOwner", "admin", "owner"], 200), // §6 meta PRs: owners of that entry, not arbiters
  },
  {
    route: "POST /api/rfcs/[slug]/prs/[number]/close",
    request: async (fx) => ({ params: { slug: ACTIVE, number: String(await openPr(fx, ACTIVE)) } }),
    expect: allow(STEWARDS, 200),
  },
  {
    route: "POST /api/rfcs/[slug]/prs/[number]/close",
    variant: "super-draft body edit (a meta PR)",
    request: async (fx) => ({ params: { slug: DRAFT, number: String(await openPr(fx, DRAFT)) } }),
    expect: allow(["rfcOwner", "admin", "owner"], 200),
  },
];

export const lifecycleActions: ActionRow[] = [
  {
    action: "app/(catalog)/actions.ts#proposeIdeaAction",
    args: async () => {
      const slug = unique("proposal");
      return [null, form({ title: `Proposal ${slug}`, slug, summary: "An idea from the matrix", tags: "" })];
    },
    expect: allow(SIGNED_IN, 303), // §7: success redirects to the catalog
  },
  {
    action: "app/(catalog)/actions.ts#mergeIdeaAction",
    args: async (fx) => [null, form({ number: String(await openIdea(fx)) })],
    expect: allow(ADMINS, 200), // §3 state 1: admins merge ideas
  },
  {
    action: "app/(catalog)/actions.ts#declineIdeaAction",
    args: async (fx) => [null, form({ number: String(await openIdea(fx)), reason: "Not now, thanks" })],
    expect: allow(ADMINS, 200),
  },
];
