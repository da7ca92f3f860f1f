import { b64, step, type Step } from "./contract-kit";

// Contract steps: repositories, contents, raw, branches and commits (on rfcs/contract).

const API = "/api/v1";
const R = `${API}/repos/rfcs/contract`;
const message = "Add the first RFC\n\nBody line.\n\nOn-behalf-of: alice <alice@forge.local>\nQuorum-Action: create";

export const repoSteps: Step[] = [
  step("POST", `${API}/orgs/{org}/repos`, async (k) => {
    const r = await k.call("POST", `${API}/orgs/rfcs/repos`, 201, { body: { name: "contract", auto_init: true, default_branch: "main", description: "c" } });
    expect(r.json).toMatchObject({ name: "contract", full_name: "rfcs/contract", default_branch: "main", empty: false, private: false });
  }),
  step("GET", `${API}/orgs/{org}/repos`, async (k) => {
    const r = await k.call("GET", `${API}/orgs/rfcs/repos`, 200, { token: null });
    expect(r.json.map((x: { name: string }) => x.name)).toEqual(["contract", "meta"]);
    expect(r.headers.get("x-total-count")).toBe("2");
  }),
  step("GET", `${API}/repos/search`, async (k) => {
    const org = await k.call("GET", `${API}/orgs/rfcs`, 200);
    const r = await k.call("GET", `${API}/repos/search?uid=${org.json.id}&sort=updated&order=desc&limit=50`, 200);
    expect(r.json.ok).toBe(true);
    expect(r.json.data.map((x: { name: string }) => x.name)).toEqual(["contract", "meta"]);
  }),
  step("GET", `${API}/repos/{owner}/{repo}`, async (k) => {
    const r = await k.call("GET", R, 200, { token: null });
    expect(r.json.permissions).toEqual({ admin: false, push: false, pull: true });
  }),
  step("PATCH", `${API}/repos/{owner}/{repo}`, async (k) => {
    const r = await k.call("PATCH", R, 200, { body: { description: "Contract repo" } });
    expect(r.json.description).toBe("Contract repo");
  }),
  step("POST", `${API}/repos/{owner}/{repo}/contents/{filepath*}`, async (k) => {
    const r = await k.call("POST", `${R}/contents/rfcs/first.md`, 201, {
      body: { content: b64("# First\n"), message, author: { name: "Alice Archer", email: "alice@forge.local" } },
    });
    expect(r.json.content).toMatchObject({ path: "rfcs/first.md", type: "file", encoding: "base64", content: b64("# First\n") });
    expect(r.json.commit.message).toBe(`${message}\n`);
    expect(r.json.commit.author).toMatchObject({ name: "Alice Archer", email: "alice@forge.local" });
    k.s.firstSha = r.json.content.sha;
  }),
  step("GET", `${API}/repos/{owner}/{repo}/contents/{filepath*}`, async (k) => {
    const r = await k.call("GET", `${R}/contents/rfcs/first.md?ref=main`, 200, { token: null });
    expect(r.json).toMatchObject({ sha: k.s.firstSha, content: b64("# First\n"), size: 8 });
    const dir = await k.call("GET", `${R}/contents/rfcs`, 200);
    expect(dir.json.map((e: { name: string }) => e.name)).toEqual(["first.md"]);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/contents`, async (k) => {
    const r = await k.call("GET", `${R}/contents`, 200);
    expect(r.json.map((e: { name: string; type: string }) => `${e.type}:${e.name}`)).toEqual(["file:README.md", "dir:rfcs"]);
  }),
  step("PUT", `${API}/repos/{owner}/{repo}/contents/{filepath*}`, async (k) => {
    const r = await k.call("PUT", `${R}/contents/rfcs/first.md`, 200, { body: { content: b64("# First v2\n"), sha: k.s.firstSha } });
    expect(r.json.commit.message).toBe("Update rfcs/first.md\n");
    k.s.firstSha = r.json.content.sha;
  }),
  step("POST", `${API}/repos/{owner}/{repo}/contents`, async (k) => {
    const r = await k.call("POST", `${R}/contents`, 201, {
      body: {
        branch: "main",
        new_branch: "rfc/second",
        files: [
          { operation: "create", path: "rfcs/second.md", content: b64("# Second\n") },
          { operation: "update", path: "rfcs/first.md", content: b64("# First v3\n"), sha: k.s.firstSha },
          { operation: "create", path: "rfcs/tmp.md", content: b64("tmp\n") },
        ],
      },
    });
    expect(r.json.files.map((f: { path: string }) => f.path)).toEqual(["rfcs/second.md", "rfcs/first.md", "rfcs/tmp.md"]);
    expect(r.json.commit.message).toBe("Add rfcs/second.md, rfcs/tmp.md\nUpdate rfcs/first.md\n");
    k.s.tmpSha = r.json.files[2].sha;
  }),
  step("DELETE", `${API}/repos/{owner}/{repo}/contents/{filepath*}`, async (k) => {
    const r = await k.call("DELETE", `${R}/contents/rfcs/tmp.md`, 200, { body: { sha: k.s.tmpSha, branch: "rfc/second" } });
    expect(r.json.content).toBeNull();
    expect(r.json.commit.message).toBe("Delete rfcs/tmp.md\n");
  }),
  step("GET", `${API}/repos/{owner}/{repo}/raw/{filepath*}`, async (k) => {
    const r = await k.call("GET", `${R}/raw/rfcs/first.md?ref=rfc/second`, 200, { token: null });
    expect(r.text).toBe("# First v3\n");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    await k.call("GET", `${R}/raw/rfcs/first.md?ref=rfc/second`, 304, { headers: { "if-none-match": etag } });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/archive/{archive*}`, async (k) => {
    const r = await k.call("GET", `${R}/archive/rfc/second.tar.gz`, 200, { token: null });
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="contract-rfc-second.tar.gz"');
    expect(r.text.length).toBeGreaterThan(0);
    await k.call("GET", `${R}/archive/main.rar`, 400);
    await k.call("GET", `${R}/archive/no-such-ref.zip`, 404);
  }),
  step("POST", `${API}/repos/{owner}/{repo}/branches`, async (k) => {
    const r = await k.call("POST", `${R}/branches`, 201, { body: { new_branch_name: "rfc/third", old_ref_name: "main" } });
    expect(r.json).toMatchObject({ name: "rfc/third", protected: false, user_can_push: true });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/branches`, async (k) => {
    const r = await k.call("GET", `${R}/branches`, 200);
    expect(r.json.map((b: { name: string }) => b.name)).toEqual(["main", "rfc/second", "rfc/third"]);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/branches/{branch*}`, async (k) => {
    const r = await k.call("GET", `${R}/branches/rfc/second`, 200);
    expect(r.json.commit.message).toBe("Delete rfcs/tmp.md\n");
    k.s.secondHead = r.json.commit.id;
  }),
  step("DELETE", `${API}/repos/{owner}/{repo}/branches/{branch*}`, async (k) => {
    await k.call("DELETE", `${R}/branches/rfc/third`, 204);
    await k.call("GET", `${R}/branches/rfc/third`, 404);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/commits`, async (k) => {
    const r = await k.call("GET", `${R}/commits?sha=main&limit=1`, 200);
    expect(r.json[0].commit.message).toBe("Update rfcs/first.md\n");
    expect(r.json[0].stats).toEqual({ total: 2, additions: 1, deletions: 1 });
    expect(r.json[0].files).toEqual([{ filename: "rfcs/first.md", status: "modified" }]);
    expect(r.headers.get("x-total")).toBe("3");
    const byPath = await k.call("GET", `${R}/commits?sha=rfc/second&path=rfcs/tmp.md`, 200);
    expect(byPath.json).toHaveLength(2);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/git/commits/{sha}`, async (k) => {
    const r = await k.call("GET", `${R}/git/commits/${k.s.secondHead}`, 200);
    expect(r.json.files).toEqual([{ filename: "rfcs/tmp.md", status: "removed" }]);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/compare/{basehead*}`, async (k) => {
    const r = await k.call("GET", `${R}/compare/main...rfc/second`, 200);
    expect(r.json.total_commits).toBe(2);
    const behind = await k.call("GET", `${R}/compare/rfc/second...main`, 200);
    expect(behind.json.total_commits).toBe(0);
  }),
];
