import { POST as acceptRoute } from "@/app/api/changes/[changeId]/accept/route";
import { POST as cutRoute, GET as listRoute } from "@/app/api/rfcs/[slug]/branches/route";
import { PATCH as patchRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/route";
import { GET as documentRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { POST as flushRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { POST as prRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/pr/route";
import { POST as promoteRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/promote/route";
import { GET as threadsRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { GET as messagesRoute } from "@/app/api/threads/[threadId]/messages/route";
import { actorFrom } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { db } from "@/lib/db/client";
import { entryPath, updateEntry } from "@/lib/entries";
import { getBranch, listCollaborators, listCommits, listTags, readFile, splitFullName } from "@/lib/gitea";
import { ensureUser } from "../../helpers/session";
import { addForgeUser } from "../../helpers/forge";
import { ACTIVE, ACTIVE_REPO, DOC, json, makeChange, setupFixture, SUPER, type Fixture, type Login } from "../rfc-view/fixture";

// README "What private means": a private branch lives in a private companion
// repo whose collaborators are its creator and the RFC's owners and
// arbiters, so Gitea itself answers 404 to everyone else; it is edited,
// measured and updated from main there; making it public or private moves
// it, keeping its document, its commit messages and its pending changes.

let fx: Fixture;
const tokens: Record<string, string> = {};
const API = "/api/v1";
const COMPANION = "rfcs/rfc-0001-retry-budget--private-erin";
const META_COMPANION = "rfcs/meta--cache-policy--private-erin";

beforeAll(async () => {
  fx = await setupFixture();
  tokens.erin = (await addForgeUser(fx.forge, "erin")).token;
  tokens.dora = (await addForgeUser(fx.forge, "dora")).token;
  tokens.alice = fx.forge.users.alice.token;
  tokens.bob = fx.forge.users.bob.token;
});
afterAll(() => fx.close());

type Summary = { name: string; ref: string; state: string; visibility: string; createdBy: string | null; headSha: string; aheadBy: number; behindBy: number };
const cut = (slug: string, name: string, visibility: string, as: Login = "erin") => fx.call(cutRoute, { as, method: "POST", params: { slug }, body: { name, visibility } });
const list = async (slug: string, as: Login | null) => (await json<{ branches: Summary[] }>(await fx.call(listRoute, { as, params: { slug } }))).branches;
const doc = (slug: string, branch: string, as: Login | null) => fx.call(documentRoute, { as, params: { slug, branch } });
const patch = (slug: string, branch: string, body: unknown, as: Login = "erin") => fx.call(patchRoute, { as, method: "PATCH", params: { slug, branch }, body });
const flush = async (slug: string, branch: string, edit: (text: string) => string, as: Login = "erin") => {
  const now = await json<{ text: string; headSha: string }>(await doc(slug, branch, as));
  return fx.call(flushRoute, { as, method: "POST", params: { slug, branch }, body: { baseSha: now.headSha, text: edit(now.text) } });
};
const forge = (path: string, token: string | null) => fx.forge.api(`${API}${path}`, {}, token);
/** The branch's own commits (not on `not`), oldest first: message, author and committer with their dates. */
const messages = async (repo: string, ref: string, not: string) =>
  (await listCommits(splitFullName(repo), ref, { not }))
    .map((c) => ({ message: c.commit?.message ?? "", author: c.commit?.author, committer: c.commit?.committer }))
    .reverse();

describe("a private branch in Gitea", () => {
  beforeAll(async () => {
    expect((await cut(ACTIVE, "erin/idea", "private")).status).toBe(201);
    expect((await cut(SUPER, "draft-secret", "private")).status).toBe(201);
  });

  it("lives in the creator's private companion repo, marked for the cache, read by the creator, owners and arbiters", async () => {
    const repo = await (await forge(`/repos/${COMPANION}`, fx.forge.botToken)).json();
    expect(repo).toMatchObject({ private: true, description: expect.stringContaining("[quorum-private slug=retry-budget home=rfcs/rfc-0001-retry-budget creator=erin]") });
    const readers = (await listCollaborators(splitFullName(COMPANION))).map((u) => u.login).sort();
    expect(readers).toEqual(["bob", "dora", "erin"]);
    expect(await getBranch(splitFullName(COMPANION), "erin/idea")).not.toBeNull();
    expect(await getBranch(splitFullName(META_COMPANION), "draft-secret")).not.toBeNull();
  });

  it.each([
    ["anonymous", null],
    ["alice (no access)", "alice"],
  ])("answers %s 404 on the companion repo and never shows the name in a public repo", async (_who, login) => {
    const token = login ? tokens[login] : null;
    for (const path of [`/repos/${COMPANION}`, `/repos/${COMPANION}/branches`, `/repos/${COMPANION}/branches/erin/idea`, `/repos/${COMPANION}/raw/RFC.md?ref=erin/idea`, `/repos/${COMPANION}/commits?sha=erin/idea`, `/repos/${META_COMPANION}/contents/rfcs/cache-policy.md?ref=draft-secret`]) {
      expect({ path, status: (await forge(path, token)).status }).toEqual({ path, status: 404 });
    }
    const publicRefs = [
      ...(await (await forge(`/repos/rfcs/meta/branches?limit=50`, token)).json()),
      ...(await (await forge(`/repos/${ACTIVE_REPO}/branches?limit=50`, token)).json()),
      ...(await (await forge(`/repos/rfcs/meta/tags?limit=50`, token)).json()),
      ...(await (await forge(`/repos/${ACTIVE_REPO}/tags?limit=50`, token)).json()),
    ].map((b: { name: string }) => b.name);
    expect(publicRefs.filter((n) => n.includes("erin/idea") || n.includes("draft-secret"))).toEqual([]);
    const search = await (await forge(`/repos/search?q=private&limit=50`, token)).json();
    expect(search.data).toEqual([]);
  });

  it.each(["erin", "bob", "dora"])("lets %s read it in Gitea", async (login) => {
    const res = await forge(`/repos/${COMPANION}/branches/erin/idea`, tokens[login]);
    expect(res.status).toBe(200);
  });

  it("is private in Quorum too: listed and readable for its readers only", async () => {
    for (const [as, visible] of [[null, false], ["alice", false], ["erin", true], ["bob", true], ["dora", true], ["carol", true]] as const) {
      expect((await list(ACTIVE, as)).some((b) => b.name === "erin/idea")).toBe(visible);
      expect((await doc(ACTIVE, "erin/idea", as)).status).toBe(visible ? 200 : 404);
    }
    expect((await list(ACTIVE, "erin")).find((b) => b.name === "erin/idea")).toMatchObject({ visibility: "private", createdBy: "erin", state: "open" });
  });
});

describe("working on a private branch", () => {
  it("edits, counts ahead and behind from its recorded base, and updates from main", async () => {
    expect((await cut(ACTIVE, "erin/work", "private")).status).toBe(201);
    expect((await flush(ACTIVE, "erin/work", (t) => t.replace("five minutes", "ten minutes"))).status).toBe(200);
    let row = (await list(ACTIVE, "erin")).find((b) => b.name === "erin/work")!;
    expect(row).toMatchObject({ aheadBy: 1, behindBy: 0 });
    // main moves elsewhere in the document
    const repo = splitFullName(ACTIVE_REPO);
    const main = (await readFile(repo, "RFC.md", "main"))!;
    await commitFiles({
      repo, branch: "main", subject: "Tighten risks", actor: await fx.actor("bob"), audit: { kind: "test" },
      files: [{ op: "update", path: "RFC.md", content: main.text.replace("Stale reads are possible", "Stale reads are rare"), sha: main.sha }],
    });
    await enqueueRefresh(ACTIVE_REPO, { branches: true });
    row = (await list(ACTIVE, "erin")).find((b) => b.name === "erin/work")!;
    expect(row.behindBy).toBe(1);
    const res = await patch(ACTIVE, "erin/work", { action: "update_from_main" });
    expect(res.status).toBe(200);
    expect((await json<{ update: { merged: boolean } }>(res)).update.merged).toBe(true);
    const text = (await json<{ text: string }>(await doc(ACTIVE, "erin/work", "erin"))).text;
    expect(text).toContain("ten minutes");
    expect(text).toContain("Stale reads are rare");
    expect((await list(ACTIVE, "erin")).find((b) => b.name === "erin/work")).toMatchObject({ behindBy: 0, aheadBy: 2 });
  });

  it("refuses a pull request until the branch is public (409, needsPublic)", async () => {
    const res = await fx.call(prRoute, { as: "erin", method: "POST", params: { slug: ACTIVE, branch: "erin/work" }, body: { title: "Ten minutes" } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "conflict", details: { needsPublic: true } } });
  });

  it("keeps an open PR's branch public: a PR is public, close it first", async () => {
    expect((await cut(ACTIVE, "erin/shared", "public")).status).toBe(201);
    expect((await flush(ACTIVE, "erin/shared", (t) => `${t}\nOne more line.\n`)).status).toBe(200);
    expect((await fx.call(prRoute, { as: "erin", method: "POST", params: { slug: ACTIVE, branch: "erin/shared" }, body: { title: "More" } })).status).toBe(201);
    const res = await patch(ACTIVE, "erin/shared", { visibility: "private" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/pull request is public/);
    expect(await getBranch(splitFullName(ACTIVE_REPO), "erin/shared")).not.toBeNull();
  });
});

describe.each([
  ["an active RFC", ACTIVE, ACTIVE_REPO, "flip", "flip", COMPANION],
  ["a super-draft", SUPER, "rfcs/meta", "flip", "edit/cache-policy/flip", META_COMPANION],
])("a flip public → private → public on %s", (_what, slug, repo, name, ref, companion) => {
  const state: { text?: string; messages?: Awaited<ReturnType<typeof messages>>; accepted?: string; pending?: string } = {};

  beforeAll(async () => {
    expect((await cut(slug, name, "public")).status).toBe(201);
    expect((await flush(slug, name, (t) => t.replace("Reads dominate", "Reads clearly dominate"))).status).toBe(200);
    const accepted = await makeChange({ slug, branch: name, original: "five minutes", proposed: "one minute" });
    expect((await fx.call(acceptRoute as never, { as: "erin", method: "POST", params: { changeId: accepted.id }, body: {} })).status).toBe(200);
    const head = (await getBranch(splitFullName(repo), ref))!.commit!.id!;
    const pending = await makeChange({ slug, branch: name, original: "Stale reads", proposed: "Old reads" });
    await db().change.update({ where: { id: pending.id }, data: { baseSha: head } });
    state.accepted = accepted.id;
    state.pending = pending.id;
    state.text = (await json<{ text: string }>(await doc(slug, name, "erin"))).text;
    state.messages = await messages(repo, ref, "main");
    expect(state.messages!.map((m) => m.message)).toEqual([
      expect.stringMatching(/^Edit Motivation on flip\n\n.*On-behalf-of: erin <erin>\n$/s),
      expect.stringMatching(/^Apply change: test\n\n.*Change-Id: .*On-behalf-of: erin <erin>\n$/s),
    ]);
  });

  it("private: the branch moves to the companion repo with its text and commit messages; outsiders get 404", async () => {
    const res = await patch(slug, name, { visibility: "private" });
    expect(res.status).toBe(200);
    expect((await json<{ branch: Summary }>(res)).branch).toMatchObject({ visibility: "private", createdBy: "erin", state: "open" });
    expect(await getBranch(splitFullName(repo), ref)).toBeNull();
    expect((await json<{ text: string }>(await doc(slug, name, "erin"))).text).toBe(state.text);
    const copied = await messages(companion, name, "main");
    expect(copied.slice(1)).toEqual(state.messages); // after the start commit, the same commits
    expect(copied[0].message).toMatch(/^Start flip from main at [0-9a-f]{7}\n\n.*\n\nQuorum-Base: [0-9a-f]{40}\nOn-behalf-of: erin <erin>\n$/s);
    expect((await doc(slug, name, null)).status).toBe(404);
    expect((await doc(slug, name, "alice")).status).toBe(404);
    const tags = (await listTags(splitFullName(repo))).map((t) => t.name);
    expect(tags).not.toContain(`quorum/cut/${ref}`);
    // The app's SHAs follow: the accepted change's commit and the pending change's base are the copies.
    const accepted = await db().change.findUniqueOrThrow({ where: { id: state.accepted } });
    const pending = await db().change.findUniqueOrThrow({ where: { id: state.pending } });
    const head = (await getBranch(splitFullName(companion), name))!.commit!.id;
    expect(pending).toMatchObject({ status: "pending", baseSha: head });
    const commits = (await listCommits(splitFullName(companion), name, { not: "main" })).map((c) => c.sha);
    expect(commits).toContain(accepted.commitSha);
  });

  it("public again: the branch is back in the RFC's repo with the same messages, tagged with its creator; the pending change still applies", async () => {
    const res = await patch(slug, name, { visibility: "public" });
    expect(res.status).toBe(200);
    expect((await json<{ branch: Summary }>(res)).branch).toMatchObject({ visibility: "public", createdBy: "erin", ref });
    expect(await getBranch(splitFullName(companion), name)).toBeNull();
    expect(await messages(repo, ref, "main")).toEqual(state.messages);
    expect((await json<{ text: string }>(await doc(slug, name, null))).text).toBe(state.text);
    const tag = (await listTags(splitFullName(repo))).find((t) => t.name === `quorum/cut/${ref}`);
    expect(tag?.message).toMatch(/Quorum-Creator: erin/);
    const accepted = await db().change.findUniqueOrThrow({ where: { id: state.accepted } });
    expect((await listCommits(splitFullName(repo), ref, { not: "main" })).map((c) => c.sha)).toContain(accepted.commitSha);
    const accept = await fx.call(acceptRoute as never, { as: "erin", method: "POST", params: { changeId: state.pending! }, body: {} });
    expect(accept.status).toBe(200);
    expect((await json<{ text: string }>(await doc(slug, name, null))).text).toBe(state.text!.replace("Stale reads", "Old reads"));
    const notes = await db().threadMessage.findMany({ where: { authorKind: "system", thread: { rfcSlug: slug, branch: name } }, select: { body: true } });
    expect(notes.map((n) => n.body).filter((b) => b.includes("made flip"))).toEqual([expect.stringMatching(/made flip private/), expect.stringMatching(/made flip public/)]);
    expect(await db().action.count({ where: { kind: "branch_visibility", rfcSlug: slug, branch: name } })).toBe(2);
  });
});

describe("main's public chat does not leak a private branch", () => {
  it("promoting main's buffered changes to a private branch names no branch there, and its cards leave main for outsiders", async () => {
    const threads = await json<{ threads: { id: string; kind: string }[] }>(await fx.call(threadsRoute, { as: "erin", params: { slug: ACTIVE, branch: "main" } }));
    const mainThread = threads.threads.find((t) => t.kind === "main")!.id;
    await makeChange({ slug: ACTIVE, branch: "main", original: "Reads dominate", proposed: "Reads win", status: "buffered", threadId: mainThread });
    const res = await fx.call(promoteRoute, { as: "erin", method: "POST", params: { slug: ACTIVE, branch: "main" }, body: { name: "erin/hidden-promo", visibility: "private" } });
    expect(res.status).toBe(201);
    const view = async (as: Login | null) =>
      json<{ messages: { body: string; details: unknown }[]; changes: { branch: string }[] }>(await fx.call(messagesRoute, { as, params: { threadId: mainThread } }));
    for (const as of [null, "alice"] as const) {
      const seen = await view(as);
      expect(JSON.stringify(seen)).not.toContain("erin/hidden-promo");
      expect(seen.messages.map((m) => m.body)).toContain("erin promoted 1 buffered change to a new private branch");
    }
    expect((await view("erin")).changes.map((c) => c.branch)).toContain("erin/hidden-promo");
  });
});

describe("owners and arbiters are the companion's readers", () => {
  it("follows a change of owners and arbiters in the meta entry", async () => {
    const meta = splitFullName("rfcs/meta");
    const file = (await readFile(meta, entryPath(ACTIVE), "main"))!;
    await commitFiles({
      repo: meta, branch: "main", subject: "Owners", actor: actorFrom(await ensureUser({ login: "bob" })), audit: { kind: "test" },
      files: [{ op: "update", path: entryPath(ACTIVE), content: updateEntry(file.text, { owners: ["bob", "alice"], arbiters: [] }), sha: file.sha }],
    });
    await enqueueRefresh("rfcs/meta", { branches: true, entries: true });
    const readers = (await listCollaborators(splitFullName(COMPANION))).map((u) => u.login).sort();
    expect(readers).toEqual(["alice", "bob", "erin"]);
    expect((await forge(`/repos/${COMPANION}/branches`, tokens.dora)).status).toBe(404);
    expect((await forge(`/repos/${COMPANION}/branches`, tokens.alice)).status).toBe(200);
    expect(DOC).toContain("five minutes"); // the fixture's document, unchanged by this test
  });
});
