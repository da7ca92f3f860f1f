import { startTestForge, type TestForge } from "../../helpers/forge";

// Archiving as Gitea does it (§3 state 5 archives a withdrawn RFC's repo):
// PATCH `archived: true`; then every write answers 423 Locked (Gitea's
// mustNotBeArchived) while reads go on; un-archiving opens it again; no
// webhook fires for the archive itself (FACTS §7.10).

const API = "/api/v1";
const R = `${API}/repos/rfcs/box`;
const b64 = (s: string) => Buffer.from(s).toString("base64");

let forge: TestForge;
const call = async (method: string, path: string, body?: unknown) => {
  const res = await forge.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
};
const ok = async (method: string, path: string, body?: unknown) => {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { sha?: string; content?: { sha: string } };
};

beforeAll(async () => {
  forge = await startTestForge();
  await ok("POST", `${API}/orgs/rfcs/repos`, { name: "box", auto_init: true, default_branch: "main" });
  await ok("POST", `${R}/contents/RFC.md`, { content: b64("# Box\n"), message: "Seed" });
  await ok("POST", `${R}/contents/RFC.md`.replace("RFC.md", "notes.md"), { content: b64("n\n"), new_branch: "feature" });
  await ok("POST", `${R}/pulls`, { head: "feature", base: "main", title: "Open before the archive" });
});
afterAll(() => forge?.stop());

test("PATCH archived: true answers the repo, archived, with archived_at; no webhook fires for it", async () => {
  await forge.flushWebhooks();
  const before = forge.forge.webhooks.log.length;
  const repo = await ok("PATCH", R, { archived: true });
  expect(repo).toMatchObject({ archived: true, full_name: "rfcs/box" });
  expect(Date.parse(String(repo.archived_at))).toBeGreaterThan(0);
  await forge.flushWebhooks();
  expect(forge.forge.webhooks.log.length).toBe(before);
});

test.each([
  ["create a file", "POST", `${R}/contents/x.md`, { content: b64("x") }],
  ["update a file", "PUT", `${R}/contents/RFC.md`, { content: b64("y"), sha: "0".repeat(40) }],
  ["change files", "POST", `${R}/contents`, { files: [{ operation: "create", path: "z.md", content: b64("z") }] }],
  ["create a branch", "POST", `${R}/branches`, { new_branch_name: "late", old_ref_name: "main" }],
  ["delete a branch", "DELETE", `${R}/branches/feature`, undefined],
  ["open a PR", "POST", `${R}/pulls`, { head: "feature", base: "main", title: "Late" }],
  ["merge a PR", "POST", `${R}/pulls/1/merge`, { Do: "merge" }],
  ["close a PR", "PATCH", `${R}/pulls/1`, { state: "closed" }],
  ["comment on a PR", "POST", `${R}/issues/1/comments`, { body: "late" }],
])("archived: %s answers 423", async (_name, method, path, body) => {
  const res = await call(method, path, body);
  expect(res.status).toBe(423);
  expect(res.body).toMatchObject({ message: expect.stringContaining("archived") });
});

test("archived: reads go on", async () => {
  expect((await call("GET", `${R}/contents/RFC.md`)).status).toBe(200);
  expect((await call("GET", `${R}/branches`)).status).toBe(200);
  expect((await call("GET", `${R}/pulls?state=open`)).body).toBeTruthy();
  expect((await call("GET", `${R}/pulls/1`)).body).toMatchObject({ state: "open" });
});

test("un-archiving opens the repo for writes again", async () => {
  expect(await ok("PATCH", R, { archived: false })).toMatchObject({ archived: false });
  expect((await call("POST", `${R}/contents/x.md`, { content: b64("x") })).status).toBe(201);
});
