import { GET as getRfc } from "@/app/api/rfcs/[slug]/route";
import { GET as listBranches, POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { DELETE as deleteBranch, PATCH as patchBranch } from "@/app/api/rfcs/[slug]/branches/[branch]/route";
import { GET as getDocument } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { GET as getThreads } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { GET as getMessages } from "@/app/api/threads/[threadId]/messages/route";
import { GET as getEvents } from "@/app/api/threads/[threadId]/events/route";
import type { DocumentAtHead } from "@/lib/contracts";
import { db } from "@/lib/db/client";
import { createMarkdownDocument, editorBlocksOf } from "@/lib/markdown";
import { getBranch, splitFullName } from "@/lib/gitea";
import { ACTIVE, ACTIVE_REPO, json, setupFixture, SUPER, type Fixture, type Login } from "./fixture";

// §8.3 / §11 / §12: cut, flip visibility, delete (the row and conversation
// stay, §11.5), and private branches answering 404 to outsiders (§6).

let fx: Fixture;
beforeAll(async () => {
  fx = await setupFixture();
});
afterAll(() => fx.close());

type Summary = { name: string; ref: string; state: string; visibility: string; createdBy: string | null; headSha: string };
const names = async (slug: string, as: Login | null) =>
  (await json<{ branches: Summary[] }>(await fx.call(listBranches, { as, params: { slug } }))).branches.map((b) => b.name);
const cut = (slug: string, body: unknown, as: Login | null = "alice") => fx.call(cutBranch, { as, method: "POST", params: { slug }, body });

describe("cutting branches", () => {
  it("cuts from main through the bot, records creator and audit row, maps super-draft names to edit/<slug>/<name>", async () => {
    const res = await cut(SUPER, { name: "alice/ttl" });
    expect(res.status).toBe(201);
    const { branch } = await json<{ branch: Summary }>(res);
    expect(branch).toMatchObject({ name: "alice/ttl", ref: "edit/cache-policy/alice/ttl", state: "open", visibility: "public", createdBy: "alice" });
    const meta = splitFullName(`rfcs/meta`);
    expect((await getBranch(meta, "edit/cache-policy/alice/ttl"))?.commit?.id).toBe((await getBranch(meta, "main"))?.commit?.id);
    expect(await db().action.count({ where: { kind: "cut_branch", rfcSlug: SUPER, branch: "alice/ttl", onBehalfOf: "alice" } })).toBe(1);
    const active = await json<{ branch: Summary }>(await cut(ACTIVE, { name: "alice/ttl" }));
    expect(active.branch.ref).toBe("alice/ttl");
    expect(await getBranch(splitFullName(ACTIVE_REPO), "alice/ttl")).not.toBeNull();
  });

  it.each([
    { body: { name: "main" }, status: 422 },
    { body: { name: "edit/x" }, status: 422 },
    { body: { name: "Bad Name" }, status: 422 },
    { body: { name: "a..b" }, status: 422 },
    { body: { name: "x".repeat(65) }, status: 422 },
    { body: { name: "alice/ttl" }, status: 409 },
    { body: { name: "ok", visibility: "secret" }, status: 422 },
  ])("answers $status for $body", async ({ body, status }) => {
    expect((await cut(SUPER, body)).status).toBe(status);
  });

  it("needs a session (401)", async () => {
    expect((await cut(SUPER, { name: "anon" }, null)).status).toBe(401);
  });

  it("lists main first and the RFC header", async () => {
    const res = await json<{ rfc: { slug: string; kind: string; owners: string[] }; branches: Summary[] }>(
      await fx.call(getRfc, { as: null, params: { slug: SUPER } }),
    );
    expect(res.rfc).toMatchObject({ slug: SUPER, kind: "super-draft", owners: ["bob"] });
    expect(res.branches[0].name).toBe("main");
    expect(res.branches.map((b) => b.name)).toContain("alice/ttl");
  });
});

describe("the document with the editor's reading of it (issue 15)", () => {
  it("?editor=1 adds the blocks the editor loads, the same as parsing the text gives; without it, none", async () => {
    expect((await cut(ACTIVE, { name: "alice/blocks" })).status).toBe(201);
    const params = { slug: ACTIVE, branch: "alice/blocks" };
    const plain = await json<DocumentAtHead>(await fx.call(getDocument, { as: "alice", params }));
    expect(plain.blocks).toBeUndefined();
    const withBlocks = await json<DocumentAtHead>(await fx.call(getDocument, { as: "alice", params, query: "editor=1" }));
    expect(withBlocks.text).toBe(plain.text);
    expect(withBlocks.blocks!.length).toBeGreaterThan(0);
    expect(withBlocks.blocks).toEqual(editorBlocksOf(plain.text));
    expect(createMarkdownDocument(withBlocks.text, withBlocks.blocks).doc).toEqual(createMarkdownDocument(plain.text).doc);
    // Asked again at the same head: the same answer, from the memo.
    expect(await json<DocumentAtHead>(await fx.call(getDocument, { as: "alice", params, query: "editor=1" }))).toEqual(withBlocks);
  });

  it.each([
    ["editor=2", "editor"],
    ["editor=1&x=1", "x"],
    ["blocks=1", "blocks"],
  ])("?%s is a 422 naming %s", async (query, name) => {
    const res = await fx.call(getDocument, { as: "alice", params: { slug: ACTIVE, branch: "main" }, query });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain(name);
  });

  it("a private branch's blocks are as private as its text (404 to others)", async () => {
    expect((await cut(ACTIVE, { name: "hidden-blocks", visibility: "private" }, "erin")).status).toBe(201);
    const params = { slug: ACTIVE, branch: "hidden-blocks" };
    expect((await fx.call(getDocument, { as: "erin", params, query: "editor=1" })).status).toBe(200);
    expect((await fx.call(getDocument, { as: "alice", params, query: "editor=1" })).status).toBe(404);
  });
});

describe("private branches (§6)", () => {
  let threadId: string;
  beforeAll(async () => {
    expect((await cut(ACTIVE, { name: "secret", visibility: "private" }, "erin")).status).toBe(201);
    const threads = await json<{ threads: { id: string; kind: string }[] }>(
      await fx.call(getThreads, { as: "erin", params: { slug: ACTIVE, branch: "secret" } }),
    );
    threadId = threads.threads[0].id;
  });

  it.each<[Login | null, boolean]>([
    [null, false],
    ["alice", false],
    ["erin", true],
    ["bob", true],
    ["dora", true],
    ["carol", true],
  ])("as %s: visible %s", async (as, visible) => {
    expect((await names(ACTIVE, as)).includes("secret")).toBe(visible);
    const doc = await fx.call(getDocument, { as, params: { slug: ACTIVE, branch: "secret" } });
    expect(doc.status).toBe(visible ? 200 : 404);
    expect((await fx.call(getMessages, { as, params: { threadId } })).status).toBe(visible ? 200 : 404);
    const events = await fx.call(getEvents, { as, params: { threadId }, signal: AbortSignal.timeout(200) });
    expect(events.status).toBe(visible ? 200 : 404);
    await events.body?.cancel();
  });

  it("a private branch's creator can make it public; others cannot flip it", async () => {
    const flip = (as: Login, visibility: string) =>
      fx.call(patchBranch, { as, method: "PATCH", params: { slug: ACTIVE, branch: "secret" }, body: { visibility } });
    expect((await flip("alice", "public")).status).toBe(404); // alice cannot even see it
    const res = await flip("erin", "public");
    expect(res.status).toBe(200);
    expect((await json<{ branch: Summary }>(res)).branch.visibility).toBe("public");
    expect(await names(ACTIVE, null)).toContain("secret");
    expect((await flip("alice", "private")).status).toBe(403);
    expect((await flip("bob", "private")).status).toBe(200);
  });
});

describe("deleting branches (§12, §11.5)", () => {
  beforeAll(async () => {
    expect((await cut(ACTIVE, { name: "scratch" }, "erin")).status).toBe(201);
  });
  const del = (as: Login | null, branch = "scratch") => fx.call(deleteBranch, { as, method: "DELETE", params: { slug: ACTIVE, branch } });

  it("refuses others (403), arbiters (403) and main (403)", async () => {
    expect((await del("alice")).status).toBe(403);
    expect((await del("dora")).status).toBe(403);
    expect((await del(null)).status).toBe(401);
    expect((await del("carol", "main")).status).toBe(403);
  });

  it("deletes in Gitea, keeps the row as deleted with its conversation, read-only", async () => {
    const threads = await json<{ threads: { id: string }[] }>(await fx.call(getThreads, { as: null, params: { slug: ACTIVE, branch: "scratch" } }));
    expect((await del("erin")).status).toBe(204);
    expect(await getBranch(splitFullName(ACTIVE_REPO), "scratch")).toBeNull();
    const list = await json<{ branches: Summary[] }>(await fx.call(listBranches, { as: null, params: { slug: ACTIVE } }));
    expect(list.branches.find((b) => b.name === "scratch")?.state).toBe("deleted");
    expect((await fx.call(getMessages, { as: null, params: { threadId: threads.threads[0].id } })).status).toBe(200);
    expect(await db().action.count({ where: { kind: "delete_branch", rfcSlug: ACTIVE, onBehalfOf: "erin" } })).toBe(1);
    expect((await cut(ACTIVE, { name: "scratch" }, "erin")).status).toBe(409); // the name stays with its conversation
  });
});
