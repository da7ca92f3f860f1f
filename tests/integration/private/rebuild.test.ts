import { POST as cutRoute, GET as listRoute } from "@/app/api/rfcs/[slug]/branches/route";
import { GET as documentRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { POST as flushRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { GET as threadsRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { GET as getMessages, POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { sweepOnce } from "@/lib/cache/sweep";
import { db } from "@/lib/db/client";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { createTestDatabase } from "../../helpers/db";
import { addForgeUser } from "../../helpers/forge";
import { ensureUser } from "../../helpers/session";
import { wipeCache } from "../cache/snapshot";
import { ACTIVE, ACTIVE_REPO, json, setupFixture, SUPER, type Fixture, type Login } from "../rfc-view/fixture";

// A private branch stays private, and its creator keeps their rights, when
// the cache is wiped and rebuilt (§4), and when the whole database is lost:
// visibility and creators come back from Git (the companion repo's marker,
// the public branches' cut tags). A branch deleted in Gitea keeps its row
// and its conversation, read-only, across a rebuild (§11.5).

let fx: Fixture;
let fresh: ReturnType<typeof createTestDatabase> | undefined;
beforeAll(async () => {
  fx = await setupFixture();
  await addForgeUser(fx.forge, "erin");
  await addForgeUser(fx.forge, "dora");
});
afterAll(async () => {
  await fresh?.close();
  await fx.close();
});

type Summary = { name: string; state: string; visibility: string; createdBy: string | null };
const cut = (slug: string, name: string, visibility: string, as: Login) => fx.call(cutRoute, { as, method: "POST", params: { slug }, body: { name, visibility } });
const list = async (slug: string, as: Login | null) => (await json<{ branches: Summary[] }>(await fx.call(listRoute, { as, params: { slug } }))).branches;
const find = async (slug: string, name: string, as: Login | null) => (await list(slug, as)).find((b) => b.name === name);
const doc = (slug: string, branch: string, as: Login | null) => fx.call(documentRoute, { as, params: { slug, branch } });
const flush = async (slug: string, branch: string, as: Login) => {
  const now = await json<{ text: string; headSha: string }>(await doc(slug, branch, as));
  return fx.call(flushRoute, { as, method: "POST", params: { slug, branch }, body: { baseSha: now.headSha, text: `${now.text}\nEdited by ${as} at ${Date.now()}.\n` } });
};

/** What each branch looks like to the people around it. */
async function expectRightsIntact() {
  expect(await find(ACTIVE, "erin/plans", null)).toBeUndefined();
  expect(await find(ACTIVE, "erin/plans", "alice")).toBeUndefined();
  expect(await find(ACTIVE, "erin/plans", "erin")).toMatchObject({ visibility: "private", createdBy: "erin", state: "open" });
  expect(await find(SUPER, "erin/draft", "bob")).toMatchObject({ visibility: "private", createdBy: "erin", state: "open" });
  expect(await find(SUPER, "erin/draft", "alice")).toBeUndefined();
  for (const as of [null, "alice"] as const) {
    expect((await doc(ACTIVE, "erin/plans", as)).status).toBe(404);
    expect((await doc(SUPER, "erin/draft", as)).status).toBe(404);
  }
  expect((await flush(ACTIVE, "erin/plans", "erin")).status).toBe(200);
  expect((await flush(SUPER, "erin/draft", "erin")).status).toBe(200);
  expect(await find(SUPER, "alice/pub", null)).toMatchObject({ visibility: "public", createdBy: "alice", state: "open" });
  expect((await flush(SUPER, "alice/pub", "alice")).status).toBe(200);
  expect((await flush(SUPER, "alice/pub", "erin")).status).toBe(403);
}

describe("private branches across rebuilds", () => {
  let goneThread: string;
  beforeAll(async () => {
    expect((await cut(ACTIVE, "erin/plans", "private", "erin")).status).toBe(201);
    expect((await cut(SUPER, "erin/draft", "private", "erin")).status).toBe(201);
    expect((await cut(SUPER, "alice/pub", "public", "alice")).status).toBe(201);
    expect((await cut(ACTIVE, "gone", "public", "erin")).status).toBe(201);
    const threads = await json<{ threads: { id: string }[] }>(await fx.call(threadsRoute, { as: "erin", params: { slug: ACTIVE, branch: "gone" } }));
    goneThread = threads.threads[0].id;
    expect((await fx.call(postMessage, { as: "erin", method: "POST", params: { threadId: goneThread }, body: { body: "Notes worth keeping" } })).status).toBe(201);
    // Deleted in Gitea, not in Quorum: only the cache notices.
    expect((await fx.forge.api(`/api/v1/repos/${ACTIVE_REPO}/branches/gone`, { method: "DELETE" })).status).toBe(204);
    await enqueueRefresh(ACTIVE_REPO, { branches: true });
    expect(await find(ACTIVE, "gone", null)).toMatchObject({ state: "deleted" });
  });

  it("keeps them private, their creators' rights and deleted branches' conversations after the cache is wiped and swept", async () => {
    await wipeCache();
    const sweep = await sweepOnce({ trigger: "manual" });
    expect(sweep.errors).toBe(0);
    await expectRightsIntact();
    expect(await find(ACTIVE, "gone", null)).toMatchObject({ state: "deleted", createdBy: "erin" });
    const messages = await json<{ messages: { body: string }[] }>(await fx.call(getMessages, { as: null, params: { threadId: goneThread } }));
    expect(messages.messages.map((m) => m.body)).toContain("Notes worth keeping");
    expect((await fx.call(postMessage, { as: "erin", method: "POST", params: { threadId: goneThread }, body: { body: "more" } })).status).toBe(409);
  });

  it("gets visibility and creators back from Git when the database is lost", async () => {
    const lost = process.env.DATABASE_URL;
    fresh = createTestDatabase();
    expect(process.env.DATABASE_URL).not.toBe(lost);
    expect(await db().branchMeta.count()).toBe(0);
    for (const login of ["alice", "bob", "carol", "dora", "erin"]) await ensureUser({ login });
    const sweep = await sweepOnce({ trigger: "startup" });
    expect(sweep.errors).toBe(0);
    const rows = await db().branchMeta.findMany({ orderBy: { name: "asc" }, select: { rfcSlug: true, name: true, createdBy: true, visibility: true } });
    expect(rows).toEqual([
      { rfcSlug: SUPER, name: "alice/pub", createdBy: "alice", visibility: "public" },
      { rfcSlug: SUPER, name: "erin/draft", createdBy: "erin", visibility: "private" },
      { rfcSlug: ACTIVE, name: "erin/plans", createdBy: "erin", visibility: "private" },
    ]);
    await expectRightsIntact();
  });
});
