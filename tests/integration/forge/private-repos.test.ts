import { routeTable } from "@/forge/router";
import { startTestForge, type TestForge } from "../../helpers/forge";

// Read enforcement on private repositories (models/perm/access
// GetUserRepoPermission + the API's repoAssignment): a caller without access
// gets 404 from every route under /repos/{owner}/{repo} — the same answer as
// a missing repo — and searches and lists leave the repo out. A read
// collaborator reads and cannot write; the bot (an org owner) sees all.
// Driven by the forge's own route table, so a new repo route is covered too.

const API = "/api/v1";
const H = `${API}/repos/rfcs/hidden`;
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("private repositories", () => {
  let forge: TestForge;
  const s: Record<string, string> = {};

  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await forge.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) }, token);
    const text = await res.text();
    return { status: res.status, text, json: text && (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : null };
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await call(method, path, forge.botToken, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
    return r.json;
  };

  beforeAll(async () => {
    forge = await startTestForge();
    await ok("POST", `${API}/orgs/rfcs/repos`, { name: "hidden", auto_init: true, private: true, description: "private" });
    const file = await ok("POST", `${H}/contents/secret.md`, { content: b64("secret\n"), new_branch: "edit/x/alice-secret" });
    s.sha = file.commit.sha;
    await ok("POST", `${H}/pulls`, { head: "edit/x/alice-secret", base: "main", title: "Secret PR" });
    await ok("POST", `${H}/issues/1/comments`, { body: "a comment" });
    await ok("POST", `${H}/tags`, { tag_name: "v1", message: "tag" });
    s.hook = String((await ok("POST", `${H}/hooks`, { type: "gitea", config: { url: "http://127.0.0.1:9/h", content_type: "json" } })).id);
    await ok("PUT", `${H}/collaborators/carol`, { permission: "read" });
  });
  afterAll(() => forge?.stop());

  const params: Record<string, string> = {
    owner: "rfcs",
    repo: "hidden",
    filepath: "secret.md",
    branch: "edit/x/alice-secret",
    basehead: "main...edit/x/alice-secret",
    index: "1",
    diffType: "diff",
    collaborator: "carol",
    tag: "v1",
    archive: "main.tar.gz",
  };
  const fill = (pattern: string) =>
    pattern.replace(/\{([a-zA-Z]+)\*?\}/g, (_, k: string) => (k === "sha" ? s.sha : k === "id" ? s.hook : params[k]));
  const repoRoutes = routeTable.filter((r) => r.pattern.startsWith(`${API}/repos/{owner}/{repo}`) && !r.admin);

  test("the table covers every repo route", () => {
    expect(repoRoutes.length).toBeGreaterThan(30);
    for (const r of repoRoutes) expect(fill(r.pattern)).not.toMatch(/[{}]|undefined/);
  });

  describe.each([
    ["anonymous", (): string | null => null],
    ["a signed-in user without access", (): string | null => forge.users.alice.token],
  ] as const)("%s", (_who, token) => {
    test.each(repoRoutes.map((r) => [`${r.method} ${r.pattern}`, r] as const))("%s → 404", async (_name, r) => {
      const res = await call(r.method, fill(r.pattern), token(), r.method === "GET" ? undefined : {});
      expect({ status: res.status, body: res.json }).toEqual({ status: 404, body: expect.objectContaining({ message: "The target couldn't be found." }) });
    });

    test("searches and lists leave the repo out", async () => {
      const org = await ok("GET", `${API}/orgs/rfcs`);
      const search = await call("GET", `${API}/repos/search?uid=${org.id}&limit=50`, token());
      expect(search.json.data.map((r: { name: string }) => r.name)).toEqual(["meta"]);
      const list = await call("GET", `${API}/orgs/rfcs/repos`, token());
      expect(list.json.map((r: { name: string }) => r.name)).toEqual(["meta"]);
      const pulls = await call("GET", `${API}/repos/issues/search?type=pulls&state=all`, token());
      expect(pulls.json).toEqual([]);
    });
  });

  test("the bot (an org owner) sees the repo, its branch and its PR", async () => {
    const org = await ok("GET", `${API}/orgs/rfcs`);
    const search = await ok("GET", `${API}/repos/search?uid=${org.id}&limit=50`);
    expect(search.data.map((r: { name: string }) => r.name).sort()).toEqual(["hidden", "meta"]);
    const branches = await ok("GET", `${H}/branches`);
    expect(branches.map((b: { name: string }) => b.name)).toContain("edit/x/alice-secret");
    expect((await ok("GET", `${H}/pulls/1`)).title).toBe("Secret PR");
  });

  describe("a read collaborator", () => {
    const carol = () => forge.users.carol.token;
    test.each([
      ["the repo", `${H}`],
      ["a file", `${H}/contents/secret.md?ref=edit/x/alice-secret`],
      ["raw", `${H}/raw/secret.md?ref=edit/x/alice-secret`],
      ["the archive", `${H}/archive/edit/x/alice-secret.zip`],
      ["branches", `${H}/branches`],
      ["commits", `${H}/commits?sha=edit/x/alice-secret`],
      ["the PR", `${H}/pulls/1`],
      ["tags", `${H}/tags`],
      ["collaborators", `${H}/collaborators`],
    ])("reads %s", async (_what, path) => {
      expect((await call("GET", path, carol())).status).toBe(200);
    });

    test.each([
      ["write a file", "POST", `${H}/contents/x.md`, { content: b64("x") }],
      ["cut a branch", "POST", `${H}/branches`, { new_branch_name: "x" }],
      ["delete a branch", "DELETE", `${H}/branches/edit/x/alice-secret`, undefined],
      ["merge the PR", "POST", `${H}/pulls/1/merge`, { Do: "merge" }],
      ["close the PR", "PATCH", `${H}/pulls/1`, { state: "closed" }],
      ["tag", "POST", `${H}/tags`, { tag_name: "v2" }],
      ["edit the repo", "PATCH", `${H}`, { private: false }],
      ["delete the repo", "DELETE", `${H}`, undefined],
      ["add a collaborator", "PUT", `${H}/collaborators/alice`, {}],
      ["list hooks", "GET", `${H}/hooks`, undefined],
    ])("cannot %s (403)", async (_what, method, path, body) => {
      expect((await call(method, path, carol(), body)).status).toBe(403);
    });

    test("finds the repo in searches and lists; removing the collaboration hides it again", async () => {
      const org = await ok("GET", `${API}/orgs/rfcs`);
      const names = async () => (await call("GET", `${API}/repos/search?uid=${org.id}&limit=50`, carol())).json.data.map((r: { name: string }) => r.name).sort();
      expect(await names()).toEqual(["hidden", "meta"]);
      expect((await call("GET", `${API}/repos/issues/search?type=pulls&state=all`, carol())).json).toHaveLength(1);
      await ok("DELETE", `${H}/collaborators/carol`);
      expect(await names()).toEqual(["meta"]);
      expect((await call("GET", `${H}/branches`, carol())).status).toBe(404);
      await ok("PUT", `${H}/collaborators/carol`, { permission: "read" });
    });
  });

  test("making the repo public opens it to everyone; private again closes it", async () => {
    await ok("PATCH", H, { private: false });
    expect((await call("GET", `${H}/branches`, null)).status).toBe(200);
    await ok("PATCH", H, { private: true });
    expect((await call("GET", `${H}/branches`, null)).status).toBe(404);
    expect((await call("GET", `${H}/branches`, forge.users.alice.token)).status).toBe(404);
  });
});
