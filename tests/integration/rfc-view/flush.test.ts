import { POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { GET as getDocument } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { POST as flush } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { GET as getThreads } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { GET as getMessages } from "@/app/api/threads/[threadId]/messages/route";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { entryPath } from "@/lib/entries";
import { commitFiles } from "@/lib/bot/write-files";
import { giteaClient, readFile, splitFullName } from "@/lib/gitea";
import { ACTIVE, ACTIVE_REPO, DOC, json, makeChange, setupFixture, SUPER, type Fixture } from "./fixture";

// §8.11 manual edits: one bot commit with On-behalf-of, 409 on a moved head
// with the current text, the system message, and the stale rule.

let fx: Fixture;
beforeAll(async () => {
  fx = await setupFixture();
  for (const slug of [SUPER, ACTIVE]) {
    const res = await fx.call(cutBranch, { as: "alice", method: "POST", params: { slug }, body: { name: "tighten" } });
    expect(res.status).toBe(201);
  }
});
afterAll(() => fx.close());

type Doc = { text: string; headSha: string; path: string };
const readDoc = async (slug: string, branch = "tighten") =>
  json<Doc>(await fx.call(getDocument, { as: "alice", params: { slug, branch } }));
const doFlush = (slug: string, body: unknown, as: "alice" | "erin" | "bob" = "alice", branch = "tighten") =>
  fx.call(flush, { as, method: "POST", params: { slug, branch }, body });

async function commitMessage(repo: string, sha: string): Promise<string> {
  const { owner, repo: name } = splitFullName(repo);
  const res = await giteaClient().repos.repoGetSingleCommit(owner, name, sha);
  return res.data.commit?.message ?? "";
}

describe.each([
  { slug: SUPER, repo: () => getConfig().metaRepoFullName },
  { slug: ACTIVE, repo: () => ACTIVE_REPO },
])("flush on $slug", ({ slug, repo }) => {
  it("commits once through the bot with the section in the subject and On-behalf-of", async () => {
    const doc = await readDoc(slug);
    expect(doc.text).toContain("five minutes");
    const text = doc.text.replace("Reads dominate", "Reads clearly dominate");
    const res = await doFlush(slug, { baseSha: doc.headSha, text });
    expect(res.status).toBe(200);
    const out = await json<{ commitSha: string; headSha: string; added: number; removed: number }>(res);
    expect(out).toMatchObject({ added: 1, removed: 1 });
    const message = await commitMessage(repo(), out.commitSha);
    expect(message).toMatch(/^Edit Motivation on tighten\n/);
    expect(message).toContain("On-behalf-of: alice <alice>");
    expect((await readDoc(slug)).text).toBe(text);
  });

  it("refuses a flush from a head that moved with 409, the current head and text", async () => {
    const doc = await readDoc(slug);
    const first = await doFlush(slug, { baseSha: doc.headSha, text: doc.text.replace("Stale reads", "Old reads") });
    expect(first.status).toBe(200);
    const second = await doFlush(slug, { baseSha: doc.headSha, text: doc.text.replace("five minutes", "ten minutes") });
    expect(second.status).toBe(409);
    const body = await json<{ error: { code: string; details: { headSha: string; text: string } } }>(second);
    expect(body.error.code).toBe("conflict");
    const now = await readDoc(slug);
    expect(body.error.details).toEqual({ headSha: now.headSha, text: now.text });
    expect(now.text).toContain("five minutes"); // nothing overwritten
  });

  it("says who changed which section in the branch chat", async () => {
    const threads = await json<{ threads: { id: string; kind: string }[] }>(
      await fx.call(getThreads, { as: "alice", params: { slug, branch: "tighten" } }),
    );
    const main = threads.threads.find((t) => t.kind === "main")!;
    const { messages } = await json<{ messages: { authorKind: string; body: string }[] }>(
      await fx.call(getMessages, { as: null, params: { threadId: main.id } }),
    );
    const system = messages.filter((m) => m.authorKind === "system").map((m) => m.body);
    expect(system).toContain("alice changed Motivation (+1 −1 lines)");
    expect(system).toContain("alice changed Risks (+1 −1 lines)");
  });

  it("turns pending changes stale when their original occurs 0 or 2 times, keeps them when once", async () => {
    const doc = await readDoc(slug);
    const gone = await makeChange({ slug, branch: "tighten", original: "many times per write" });
    const doubled = await makeChange({ slug, branch: "tighten", original: "every response" });
    const kept = await makeChange({ slug, branch: "tighten", original: "Motivation" });
    const text = doc.text.replace("many times per write", "often").replace("five minutes.", "five minutes. Not every response, but every response.");
    const res = await doFlush(slug, { baseSha: doc.headSha, text });
    const out = await json<{ staleChangeIds: string[] }>(res);
    expect(out.staleChangeIds.sort()).toEqual([gone.id, doubled.id].sort());
    const rows = await db().change.findMany({ where: { id: { in: [gone.id, doubled.id, kept.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(gone.id)).toMatchObject({ status: "stale", statusReason: expect.stringContaining("no longer occurs") });
    expect(byId.get(doubled.id)).toMatchObject({ status: "stale", statusReason: expect.stringContaining("3 times") });
    expect(byId.get(kept.id)?.status).toBe("pending");
  });
});

describe("flush rules", () => {
  it("never edits main (403) and refuses others' branches (403)", async () => {
    const main = await readDoc(SUPER, "main");
    expect((await doFlush(SUPER, { baseSha: main.headSha, text: "x" }, "carol" as "bob", "main")).status).toBe(403);
    const doc = await readDoc(SUPER);
    expect((await doFlush(SUPER, { baseSha: doc.headSha, text: "x" }, "erin")).status).toBe(403);
  });

  it("keeps the super-draft's frontmatter bytes", async () => {
    const meta = splitFullName(getConfig().metaRepoFullName);
    const before = await readFile(meta, entryPath(SUPER), "edit/cache-policy/tighten");
    const doc = await readDoc(SUPER);
    const res = await doFlush(SUPER, { baseSha: doc.headSha, text: `${doc.text}\nOne more line.\n` });
    expect(res.status).toBe(200);
    const after = await readFile(meta, entryPath(SUPER), "edit/cache-policy/tighten");
    const fm = (t: string) => t.slice(0, t.indexOf("\n---\n") + 5);
    expect(fm(after!.text)).toBe(fm(before!.text));
    expect(after!.text).toContain("custom_key: kept");
    expect(after!.text.endsWith("One more line.\n")).toBe(true);
    expect(DOC).not.toContain("One more line");
  });

  it("guards by the document, not the head: a commit to another file meanwhile loses nothing and refuses nothing", async () => {
    const doc = await readDoc(ACTIVE);
    const repo = splitFullName(ACTIVE_REPO);
    const other = await commitFiles({
      repo, branch: "tighten", files: [{ op: "create", path: "NOTES.md", content: "notes\n" }], subject: "Notes", actor: await fx.actor("bob"), audit: { kind: "test" },
    });
    const text = doc.text.replace("We cache", "We really cache");
    const res = await doFlush(ACTIVE, { baseSha: doc.headSha, text });
    expect(res.status).toBe(200);
    const out = await json<{ commitSha: string; headSha: string }>(res);
    expect(out.headSha).toBe(out.commitSha);
    const { data } = await giteaClient().repos.repoGetSingleCommit(repo.owner, repo.repo, out.commitSha);
    expect(data.parents?.map((p) => p.sha)).toEqual([other.commitSha]); // on top of the other commit, which stays
    expect((await readFile(repo, "NOTES.md", "tighten"))?.text).toBe("notes\n");
    expect((await readDoc(ACTIVE)).text).toBe(text);
  });

  it("answers a flush based on something that is not a commit of the document with 409 and the head", async () => {
    const doc = await readDoc(ACTIVE);
    const res = await doFlush(ACTIVE, { baseSha: "0123456789".repeat(4), text: "lost?" });
    expect(res.status).toBe(409);
    expect((await json<{ error: { details: unknown } }>(res)).error.details).toEqual({ headSha: doc.headSha, text: doc.text });
  });

  it("validates the body (422) and needs a session (401)", async () => {
    expect((await doFlush(SUPER, { baseSha: "nope", text: "x" })).status).toBe(422);
    const res = await fx.call(flush, { as: null, method: "POST", params: { slug: SUPER, branch: "tighten" }, body: { baseSha: "a".repeat(40), text: "" } });
    expect(res.status).toBe(401);
  });
});
