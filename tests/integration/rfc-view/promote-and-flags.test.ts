import { GET as getChanges } from "@/app/api/rfcs/[slug]/branches/[branch]/changes/route";
import { POST as promote } from "@/app/api/rfcs/[slug]/branches/[branch]/promote/route";
import { GET as listThreads } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { GET as listFlags } from "@/app/api/rfcs/[slug]/flags/route";
import { POST as createFlag } from "@/app/api/flags/route";
import { PATCH as patchFlag } from "@/app/api/flags/[flagId]/route";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { getBranch, splitFullName } from "@/lib/gitea";
import { ACTIVE, ACTIVE_REPO, json, makeChange, setupFixture, type Fixture, type Login } from "./fixture";

// §8.14 discuss-mode buffer promoted to a new branch, and §8.13 flags.

let fx: Fixture;
let mainThread: string;
beforeAll(async () => {
  fx = await setupFixture();
  const threads = await json<{ threads: { id: string }[] }>(await fx.call(listThreads, { as: null, params: { slug: ACTIVE, branch: "main" } }));
  mainThread = threads.threads[0].id;
});
afterAll(() => fx.close());

type Change = { id: string; branch: string; status: string; statusReason: string | null; threadId: string | null };

describe("promote to branch (§8.14)", () => {
  it("cuts a branch from main and moves the buffered changes there as pending cards", async () => {
    const kept = await makeChange({ slug: ACTIVE, branch: "main", original: "five minutes", status: "buffered", threadId: mainThread });
    const gone = await makeChange({ slug: ACTIVE, branch: "main", original: "not in the text", status: "buffered", threadId: mainThread });
    const declined = await makeChange({ slug: ACTIVE, branch: "main", original: "Motivation", status: "declined" });
    const res = await fx.call(promote, { as: "alice", method: "POST", params: { slug: ACTIVE, branch: "main" }, body: { name: "from-chat" } });
    expect(res.status).toBe(201);
    const out = await json<{ branch: { name: string; createdBy: string }; changeIds: string[] }>(res);
    expect(out.branch).toMatchObject({ name: "from-chat", createdBy: "alice" });
    expect(out.changeIds.sort()).toEqual([kept.id, gone.id].sort());
    expect(await getBranch(splitFullName(ACTIVE_REPO), "from-chat")).not.toBeNull();

    const onBranch = (await json<{ changes: Change[] }>(await fx.call(getChanges, { as: null, params: { slug: ACTIVE, branch: "from-chat" } }))).changes;
    const byId = new Map(onBranch.map((c) => [c.id, c]));
    expect(byId.get(kept.id)).toMatchObject({ branch: "from-chat", status: "pending", threadId: mainThread });
    expect(byId.get(gone.id)).toMatchObject({ status: "stale" }); // its original is not in main's text
    const onMain = (await json<{ changes: Change[] }>(await fx.call(getChanges, { as: null, params: { slug: ACTIVE, branch: "main" } }))).changes;
    expect(onMain.map((c) => c.id)).toEqual([declined.id]); // the buffer is empty now
  });

  it("promotes only from main, with a valid new name, for signed-in users", async () => {
    const call = (as: Login | null, branch: string, name: string) =>
      fx.call(promote, { as, method: "POST", params: { slug: ACTIVE, branch }, body: { name } });
    expect((await call("alice", "from-chat", "x")).status).toBe(422);
    expect((await call("alice", "main", "from-chat")).status).toBe(409);
    expect((await call("alice", "main", "Bad")).status).toBe(422);
    expect((await call(null, "main", "y")).status).toBe(401);
  });
});

describe("flags (§8.13)", () => {
  let messageId: string;
  let flagId: string;
  beforeAll(async () => {
    const res = await fx.call(postMessage, { as: "alice", method: "POST", params: { threadId: mainThread }, body: { body: "This is off-topic" } });
    messageId = (await json<{ message: { id: string } }>(res)).message.id;
  });

  it("flags a message and a passage", async () => {
    const res = await fx.call(createFlag, { as: "erin", method: "POST", params: {}, body: { rfcSlug: ACTIVE, branch: "main", messageId, kind: "off_topic", note: "Belongs elsewhere" } });
    expect(res.status).toBe(201);
    const { flag } = await json<{ flag: { id: string; threadId: string; status: string; createdBy: { login: string } } }>(res);
    expect(flag).toMatchObject({ threadId: mainThread, status: "open", createdBy: { login: "erin" } });
    flagId = flag.id;
    const passage = await fx.call(createFlag, {
      as: "alice", method: "POST", params: {},
      body: { rfcSlug: ACTIVE, branch: "main", anchor: { kind: "range", quote: "five minutes", prefix: "", suffix: "" }, kind: "blocking", note: "Too long" },
    });
    expect(passage.status).toBe(201);
  });

  it.each([
    { body: { rfcSlug: ACTIVE, branch: "main", kind: "blocking", note: "" }, as: "erin" as Login, status: 422 }, // neither message nor passage
    { body: { rfcSlug: ACTIVE, branch: "main", messageId: "nope", kind: "blocking" }, as: "erin" as Login, status: 404 },
    { body: { rfcSlug: ACTIVE, branch: "main", messageId: "x", kind: "rude" }, as: "erin" as Login, status: 422 },
    { body: { rfcSlug: ACTIVE, branch: "main", messageId: "x", kind: "blocking" }, as: null, status: 401 },
  ])("answers $status for a bad flag", async ({ body, as, status }) => {
    expect((await fx.call(createFlag, { as, method: "POST", params: {}, body })).status).toBe(status);
  });

  it("lists flags for owners, arbiters and admins only", async () => {
    for (const [as, status] of [["bob", 200], ["dora", 200], ["carol", 200], ["alice", 403], [null, 401]] as const) {
      expect((await fx.call(listFlags, { as, params: { slug: ACTIVE }, query: "status=open" })).status).toBe(status);
    }
    const { flags } = await json<{ flags: { kind: string }[] }>(await fx.call(listFlags, { as: "bob", params: { slug: ACTIVE }, query: "status=open" }));
    expect(flags.map((f) => f.kind).sort()).toEqual(["blocking", "off_topic"]);
  });

  it("resolves for owners/arbiters, not for contributors", async () => {
    const resolve = (as: Login) => fx.call(patchFlag, { as, method: "PATCH", params: { flagId }, body: { status: "resolved", resolution: "Moved" } });
    expect((await resolve("erin")).status).toBe(403);
    const res = await resolve("dora");
    expect(res.status).toBe(200);
    expect((await json<{ flag: { status: string; resolvedBy: { login: string } } }>(res)).flag).toMatchObject({ status: "resolved", resolvedBy: { login: "dora" } });
    const open = await json<{ flags: unknown[] }>(await fx.call(listFlags, { as: "bob", params: { slug: ACTIVE }, query: "status=open" }));
    expect(open.flags).toHaveLength(1);
  });
});
