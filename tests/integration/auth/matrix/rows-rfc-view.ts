import { ACTIVE, DRAFT, unique } from "./fixture";
import { editedBranch, mainThreadId, openFlag, pendingChange, SENTENCE } from "./resources";
import { allow, BRANCH_EDITORS, SIGNED_IN, STEWARDS, type RouteRow } from "./table";

// The RFC view's mutating routes (§8, §9, §11, §12, docs/API.md).

const paragraph = { kind: "paragraph", blockIndex: 2, blockText: SENTENCE } as const;

export const rfcViewRows: RouteRow[] = [
  {
    route: "POST /api/rfcs/[slug]/branches",
    request: async () => ({ params: { slug: DRAFT }, body: { name: unique("cut") } }),
    expect: allow(SIGNED_IN, 201), // §6 cut a branch: any contributor
  },
  {
    route: "PATCH /api/rfcs/[slug]/branches/[branch]",
    variant: "flip visibility",
    request: async (fx) => ({ params: { slug: DRAFT, branch: (await fx.branch()).name }, body: { visibility: "private" } }),
    expect: allow(BRANCH_EDITORS, 200),
  },
  {
    route: "PATCH /api/rfcs/[slug]/branches/[branch]",
    variant: "make a private branch public",
    request: async (fx) => ({ params: { slug: ACTIVE, branch: (await fx.branch(ACTIVE, "private")).name }, body: { visibility: "public" } }),
    expect: allow(BRANCH_EDITORS, 200, 404), // others cannot even see it (§6)
  },
  {
    route: "PATCH /api/rfcs/[slug]/branches/[branch]",
    variant: "update a private branch from main",
    request: async (fx) => ({ params: { slug: DRAFT, branch: (await fx.branch(DRAFT, "private")).name }, body: { action: "update_from_main" } }),
    expect: allow(BRANCH_EDITORS, 200, 404),
  },
  {
    route: "PATCH /api/rfcs/[slug]/branches/[branch]",
    variant: "update from main",
    request: async (fx) => ({ params: { slug: ACTIVE, branch: (await fx.branch(ACTIVE)).name }, body: { action: "update_from_main" } }),
    expect: allow(BRANCH_EDITORS, 200),
  },
  {
    route: "PATCH /api/rfcs/[slug]/branches/[branch]",
    variant: "main is never changed (§6)",
    request: async () => ({ params: { slug: DRAFT, branch: "main" }, body: { visibility: "private" } }),
    expect: allow([], 0),
  },
  {
    route: "DELETE /api/rfcs/[slug]/branches/[branch]",
    request: async (fx) => ({ params: { slug: DRAFT, branch: (await fx.branch()).name } }),
    expect: allow(["branchCreator", "rfcOwner", "admin", "owner"], 204), // §12: owners and the creator, not arbiters
  },
  {
    route: "POST /api/rfcs/[slug]/branches/[branch]/flush",
    request: async (fx) => {
      const { name, headSha } = await fx.branch();
      return { params: { slug: DRAFT, branch: name }, body: { baseSha: headSha, text: `# Matrix\n\n${SENTENCE}\n\nFlushed.\n` } };
    },
    expect: allow(BRANCH_EDITORS, 200),
  },
  {
    route: "POST /api/rfcs/[slug]/branches/[branch]/flush",
    variant: "on a private branch",
    request: async (fx) => {
      const { name, headSha } = await fx.branch(ACTIVE, "private");
      return { params: { slug: ACTIVE, branch: name }, body: { baseSha: headSha, text: `# Matrix\n\n${SENTENCE}\n\nPrivately.\n` } };
    },
    expect: allow(BRANCH_EDITORS, 200, 404),
  },
  {
    route: "POST /api/rfcs/[slug]/branches/[branch]/pr",
    variant: "from a private branch: public first (409)",
    request: async (fx) => ({ params: { slug: ACTIVE, branch: (await fx.branch(ACTIVE, "private")).name }, body: { title: "Matrix PR" } }),
    expect: allow(BRANCH_EDITORS, 409, 404),
  },
  {
    route: "POST /api/rfcs/[slug]/branches/[branch]/pr",
    request: async (fx) => ({ params: { slug: ACTIVE, branch: (await editedBranch(fx, ACTIVE)).name }, body: { title: "Matrix PR" } }),
    expect: allow(BRANCH_EDITORS, 201),
  },
  {
    route: "POST /api/rfcs/[slug]/branches/[branch]/promote",
    request: async () => ({ params: { slug: DRAFT, branch: "main" }, body: { name: unique("promoted") } }),
    expect: allow(SIGNED_IN, 201), // §8.14 promote = cut a branch
  },
  {
    route: "POST /api/rfcs/[slug]/branches/[branch]/threads",
    request: async () => ({ params: { slug: DRAFT, branch: "main" }, body: { kind: "paragraph", anchor: paragraph, body: "Is this right?" } }),
    expect: allow(SIGNED_IN, 201),
  },
  {
    route: "POST /api/threads/[threadId]/messages",
    request: async () => ({ params: { threadId: await mainThreadId() }, body: { body: "Hello from the matrix" } }),
    expect: allow(SIGNED_IN, 201),
  },
  {
    route: "POST /api/flags",
    request: async () => ({ params: {}, body: { rfcSlug: DRAFT, branch: "main", anchor: paragraph, kind: "needs_arbiter" } }),
    expect: allow(SIGNED_IN, 201),
  },
  {
    route: "PATCH /api/flags/[flagId]",
    request: async (fx) => ({ params: { flagId: await openFlag(fx) }, body: { status: "resolved" } }),
    expect: allow(STEWARDS, 200), // §8.13 owners and arbiters resolve flags
  },
  {
    route: "POST /api/changes/[changeId]/accept",
    request: async (fx) => ({ params: { changeId: await pendingChange(fx) }, body: {} }),
    expect: allow(BRANCH_EDITORS, 200),
  },
  {
    route: "POST /api/changes/[changeId]/decline",
    request: async (fx) => ({ params: { changeId: await pendingChange(fx) } }),
    expect: allow(BRANCH_EDITORS, 200),
  },
  {
    route: "POST /api/changes/accept-batch",
    request: async (fx) => ({ params: {}, body: { changeIds: [await pendingChange(fx)] } }),
    expect: allow(BRANCH_EDITORS, 200),
  },
];
