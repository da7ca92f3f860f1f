import type { GiteaVersion } from "@/forge/profile";
import { FORGE_PROFILES, startTestForge, type TestForge } from "../../helpers/forge";


// Gitea's error statuses and body shape (FACTS §5, §7), for each Gitea
// release the forge can be: a 500 only where that release's handler leaves
// the error unmapped (1.22's contents errors, §7.5), with an empty message.

const API = "/api/v1";
const M = `${API}/repos/rfcs/meta`;
const b64 = (s: string) => Buffer.from(s).toString("base64");

type Status = number | Record<GiteaVersion, number>;
type Case = { name: string; method: string; path: string; body?: unknown; raw?: string; token?: "none" | "bad" | "alice" | "readonly" | "admin"; status: Status; message?: RegExp };

const long = (n: number) => `edit/${"x".repeat(n - 5)}`;

describe.each(FORGE_PROFILES)("forge error cases (Gitea %s)", (gitea) => {
  let forge: TestForge;
  const s: Record<string, string> = {};

  const send = async (c: Omit<Case, "name" | "status">) => {
    const tokens = { none: null, bad: "0".repeat(40), alice: forge.users.alice.token, readonly: s.readonly, admin: forge.adminToken };
    const token = c.token ? tokens[c.token] : forge.botToken;
    const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
    return forge.api(c.path, { method: c.method, body }, token);
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await send({ method, path, body });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  };

  beforeAll(async () => {
    forge = await startTestForge({ gitea });
    const readonly = await forge.api(`${API}/users/alice/tokens`, { method: "POST", body: JSON.stringify({ name: "ro", scopes: ["read:repository"] }) }, forge.adminToken);
    s.readonly = (await readonly.json()).sha1;
    s.fileSha = (await ok("POST", `${M}/contents/rfcs/a.md`, { content: b64("a\n"), new_branch: "feature" })).content.sha;
    await ok("POST", `${M}/contents/rfcs/b.md`, { content: b64("b\n"), new_branch: "merged" });
    await ok("POST", `${M}/contents/rfcs/c.md`, { content: b64("c\n"), new_branch: "closed" });
    await ok("POST", `${M}/pulls`, { head: "feature", base: "main", title: "Open" });
    await ok("POST", `${M}/pulls`, { head: "merged", base: "main", title: "Merged" });
    await forge.drainChecks(); // opened right after its branch was pushed: still "checking" (§7.2)
    await ok("POST", `${M}/pulls/2/merge`, { Do: "merge" });
    await ok("POST", `${M}/pulls`, { head: "closed", base: "main", title: "Closed" });
    await ok("PATCH", `${M}/pulls/3`, { state: "closed" });
    await ok("POST", `${API}/orgs/rfcs/repos`, { name: "old", auto_init: true });
    await ok("PATCH", `${API}/repos/rfcs/old`, { archived: true });
    await ok("POST", `${API}/orgs/rfcs/repos`, { name: "empty" });
    // Two branches changing the same line of README.md: the PR between them conflicts.
    const readme = await ok("GET", `${M}/contents/README.md`);
    await ok("PUT", `${M}/contents/README.md`, { content: b64("left\n"), sha: readme.sha, new_branch: "left" });
    await ok("PUT", `${M}/contents/README.md`, { content: b64("right\n"), sha: readme.sha });
    await ok("POST", `${M}/pulls`, { head: "left", base: "main", title: "Conflict" });
    await ok("POST", `${API}/orgs/rfcs/repos`, { name: "secret", auto_init: true, private: true });
    await ok("POST", `${API}/repos/rfcs/secret/contents/x.md`, { content: b64("x\n"), new_branch: "x" });
    await ok("POST", `${API}/repos/rfcs/secret/pulls`, { head: "x", base: "main", title: "Secret" });
    await ok("POST", `${M}/tags`, { tag_name: "v1", message: "first" });
    await ok("POST", `${M}/contents/rfcs/w.md`, { content: b64("w\n"), new_branch: "wip" });
    await ok("POST", `${M}/pulls`, { head: "wip", base: "main", title: "[wip] Not yet" });
    await forge.drainChecks();
  });
  afterAll(() => forge?.stop());

  const cases: Case[] = [
    { name: "unknown repo", method: "GET", path: `${API}/repos/rfcs/nope`, status: 404 },
    { name: "unknown route", method: "GET", path: `${API}/nothing/here`, status: 404 },
    { name: "unknown file", method: "GET", path: `${M}/contents/nope.md`, status: 404 },
    { name: "unknown ref", method: "GET", path: `${M}/contents/README.md?ref=nope`, status: 404 },
    { name: "malformed JSON", method: "POST", path: `${M}/contents/x.md`, raw: "{bad", status: 422 },
    { name: "JSON array body", method: "POST", path: `${M}/pulls`, raw: "[]", status: 422 },
    { name: "wrong field type", method: "POST", path: `${M}/contents/x.md`, body: { content: 5 }, status: 422 },
    { name: "wrong sha on update", method: "PUT", path: `${M}/contents/rfcs/a.md`, body: { content: b64("z"), sha: "0".repeat(40), branch: "feature" }, status: 422, message: /sha does not match/ },
    { name: "wrong sha on delete (1.22: 400)", method: "DELETE", path: `${M}/contents/rfcs/a.md`, body: { sha: "0".repeat(40), branch: "feature" }, status: { "1.22": 400, "1.24": 422 } },
    { name: "update a missing file (1.22: unmapped)", method: "PUT", path: `${M}/contents/nope.md`, body: { content: b64("z"), sha: "0".repeat(40) }, status: { "1.22": 500, "1.24": 404 }, message: /^$|file does not exist/ },
    { name: "update a missing file in a multi-file change (1.22: unmapped)", method: "POST", path: `${M}/contents`, body: { files: [{ operation: "update", path: "nope.md", content: b64("z"), sha: "0".repeat(40) }] }, status: { "1.22": 500, "1.24": 404 }, message: /^$|file does not exist/ },
    { name: "delete a missing file", method: "DELETE", path: `${M}/contents/nope.md`, body: { sha: "0".repeat(40) }, status: 404, message: /file does not exist/ },
    { name: "update without sha", method: "PUT", path: `${M}/contents/README.md`, body: { content: b64("z") }, status: 422 },
    { name: "create over an existing file", method: "POST", path: `${M}/contents/README.md`, body: { content: b64("z") }, status: 422 },
    { name: "bad base64 (1.22: unmapped)", method: "POST", path: `${M}/contents/x.md`, body: { content: "%%%not base64" }, status: { "1.22": 500, "1.24": 422 } },
    { name: "new_branch over 100 characters", method: "POST", path: `${M}/contents/x.md`, body: { content: b64("z"), new_branch: long(101) }, status: 422, message: /MaxSize/ },
    { name: "missing branch", method: "POST", path: `${M}/contents/x.md`, body: { content: b64("z"), branch: "nope" }, status: 404, message: /branch does not exist/ },
    { name: "new_branch exists", method: "POST", path: `${M}/contents/x.md`, body: { content: b64("z"), new_branch: "feature" }, status: 422 },
    { name: "path escapes the repo", method: "POST", path: `${M}/contents`, body: { files: [{ operation: "create", path: "../x", content: "" }] }, status: 422 },
    { name: "file where a folder is", method: "POST", path: `${M}/contents/README.md/x.md`, body: { content: b64("z") }, status: 422 },
    { name: "branch exists", method: "POST", path: `${M}/branches`, body: { new_branch_name: "feature", old_ref_name: "main" }, status: 409 },
    { name: "branch from a missing ref", method: "POST", path: `${M}/branches`, body: { new_branch_name: "x", old_ref_name: "nope" }, status: 404, message: /old branch does not exist/ },
    { name: "invalid branch name", method: "POST", path: `${M}/branches`, body: { new_branch_name: "a..b" }, status: 422 },
    { name: "branch name over 100 characters", method: "POST", path: `${M}/branches`, body: { new_branch_name: long(101), old_ref_name: "main" }, status: 422, message: /MaxSize/ },
    { name: "delete the default branch", method: "DELETE", path: `${M}/branches/main`, status: 403 },
    { name: "delete a missing branch", method: "DELETE", path: `${M}/branches/nope`, status: 404 },
    { name: "head = base", method: "POST", path: `${M}/pulls`, body: { head: "main", base: "main" }, status: 422 },
    { name: "duplicate open PR", method: "POST", path: `${M}/pulls`, body: { head: "feature", base: "main" }, status: 409 },
    { name: "PR from a missing branch", method: "POST", path: `${M}/pulls`, body: { head: "nope", base: "main" }, status: 404 },
    { name: "missing PR", method: "GET", path: `${M}/pulls/99`, status: 404 },
    { name: "merge a closed PR", method: "POST", path: `${M}/pulls/3/merge`, body: { Do: "merge" }, status: 404 },
    { name: "merge a merged PR", method: "POST", path: `${M}/pulls/2/merge`, body: { Do: "merge" }, status: 405 },
    { name: "merge a conflicting PR", method: "POST", path: `${M}/pulls/4/merge`, body: { Do: "merge" }, status: 405, message: /try again later/ },
    { name: "merge with a stale head", method: "POST", path: `${M}/pulls/1/merge`, body: { Do: "merge", head_commit_id: "0".repeat(40) }, status: 409, message: /head out of date/ },
    { name: "merge without Do", method: "POST", path: `${M}/pulls/1/merge`, body: { MergeTitleField: "x" }, status: 422, message: /Do/ },
    { name: "merge with an empty Do", method: "POST", path: `${M}/pulls/1/merge`, body: { Do: "" }, status: 422, message: /Do/ },
    { name: "merge with an unknown Do", method: "POST", path: `${M}/pulls/1/merge`, body: { Do: "octopus" }, status: 422, message: /Do/ },
    { name: "merge a work-in-progress PR", method: "POST", path: `${M}/pulls/5/merge`, body: { Do: "merge" }, status: 405, message: /Work in progress/ },
    { name: "unsupported merge style", method: "POST", path: `${M}/pulls/1/merge`, body: { Do: "rebase" }, status: 405 },
    { name: "reopen a merged PR", method: "PATCH", path: `${M}/pulls/2`, body: { state: "open" }, status: 412 },
    { name: "archived repo: contents write", method: "POST", path: `${API}/repos/rfcs/old/contents/x.md`, body: { content: b64("z") }, status: 423 },
    { name: "archived repo: branch create", method: "POST", path: `${API}/repos/rfcs/old/branches`, body: { new_branch_name: "x" }, status: 423 },
    { name: "commits of an empty repo", method: "GET", path: `${API}/repos/rfcs/empty/commits`, status: 409 },
    { name: "write without a token", method: "POST", path: `${M}/contents/x.md`, body: { content: b64("z") }, token: "none", status: 401 },
    { name: "invalid token", method: "GET", path: `${API}/version`, token: "bad", status: 401 },
    { name: "write without permission", method: "POST", path: `${M}/contents/x.md`, body: { content: b64("z") }, token: "alice", status: 403 },
    { name: "token without the scope", method: "POST", path: `${API}/repos/alice/x/contents/x.md`, body: { content: "" }, token: "readonly", status: 403, message: /write:repository/ },
    { name: "repo exists", method: "POST", path: `${API}/orgs/rfcs/repos`, body: { name: "meta" }, status: 409 },
    { name: "invalid repo name", method: "POST", path: `${API}/orgs/rfcs/repos`, body: { name: "a b" }, status: 422 },
    { name: "reserved repo name", method: "POST", path: `${API}/orgs/rfcs/repos`, body: { name: "x.git" }, status: 422 },
    { name: "hook without content_type", method: "POST", path: `${API}/orgs/rfcs/hooks`, body: { type: "gitea", config: { url: "http://x" } }, status: 422 },
    { name: "user exists", method: "POST", path: `${API}/admin/users`, body: { username: "alice", email: "a2@x.y", password: "12345678" }, token: "admin", status: 422 },
    { name: "admin route as a user", method: "POST", path: `${API}/admin/users`, body: { username: "zed", email: "z@x.y", password: "12345678" }, status: 403 },
    { name: "invalid search sort", method: "GET", path: `${API}/repos/search?sort=nope`, status: 422 },
    { name: "comment without a body", method: "POST", path: `${M}/issues/1/comments`, body: {}, status: 422, message: /body/ },
    { name: "comment with an empty body", method: "POST", path: `${M}/issues/1/comments`, body: { body: "" }, status: 422 },
    { name: "comment on a missing PR", method: "POST", path: `${M}/issues/99/comments`, body: { body: "x" }, status: 404 },
    { name: "comments of a missing PR", method: "GET", path: `${M}/issues/99/comments`, status: 404 },
    { name: "comment without a token", method: "POST", path: `${M}/issues/1/comments`, body: { body: "x" }, token: "none", status: 401 },
    { name: "comment on an archived repo (before the body is read)", method: "POST", path: `${API}/repos/rfcs/old/issues/1/comments`, body: {}, status: 423 },
    { name: "comment with a token without write:issue", method: "POST", path: `${M}/issues/1/comments`, body: { body: "x" }, token: "readonly", status: 403, message: /write:issue/ },
    { name: "comment on a private repo the user cannot read", method: "POST", path: `${API}/repos/rfcs/secret/issues/1/comments`, body: { body: "x" }, token: "alice", status: 404 },
    { name: "comments of a private repo the user cannot read", method: "GET", path: `${API}/repos/rfcs/secret/issues/1/comments`, token: "alice", status: 404 },
    { name: "collaborator: unknown login", method: "PUT", path: `${M}/collaborators/nobody-here`, body: {}, status: 422, message: /user does not exist/ },
    { name: "collaborator: added by a reader", method: "PUT", path: `${M}/collaborators/bob`, body: { permission: "read" }, token: "alice", status: 403 },
    { name: "collaborator: removed by a reader", method: "DELETE", path: `${M}/collaborators/bob`, token: "alice", status: 403 },
    { name: "collaborators: listed without a token", method: "GET", path: `${M}/collaborators`, token: "none", status: 401 },
    { name: "collaborator: not one", method: "GET", path: `${M}/collaborators/alice`, status: 404 },
    { name: "collaborator permission: someone else's, asked by a reader", method: "GET", path: `${M}/collaborators/bob/permission`, token: "alice", status: 403 },
    { name: "collaborator permission: unknown login", method: "GET", path: `${M}/collaborators/nobody-here/permission`, status: 404, message: /user does not exist/ },
    { name: "collaborators of a private repo the user cannot read", method: "GET", path: `${API}/repos/rfcs/secret/collaborators`, token: "alice", status: 404 },
    { name: "tag exists", method: "POST", path: `${M}/tags`, body: { tag_name: "v1" }, status: 409 },
    { name: "tag without a name", method: "POST", path: `${M}/tags`, body: { message: "x" }, status: 422 },
    { name: "tag on a missing target", method: "POST", path: `${M}/tags`, body: { tag_name: "v9", target: "nope" }, status: 404, message: /target not found/ },
    { name: "invalid tag name", method: "POST", path: `${M}/tags`, body: { tag_name: "a b" }, status: 422 },
    { name: "tag without a token", method: "POST", path: `${M}/tags`, body: { tag_name: "v9" }, token: "none", status: 401 },
    { name: "tag without permission", method: "POST", path: `${M}/tags`, body: { tag_name: "v9" }, token: "alice", status: 403 },
    { name: "tag on an archived repo", method: "POST", path: `${API}/repos/rfcs/old/tags`, body: { tag_name: "v9" }, status: 423 },
    { name: "missing tag", method: "GET", path: `${M}/tags/nope`, status: 404 },
    { name: "delete a missing tag", method: "DELETE", path: `${M}/tags/nope`, status: 404 },
    { name: "tags of a private repo the user cannot read", method: "GET", path: `${API}/repos/rfcs/secret/tags`, token: "alice", status: 404 },
    { name: "write to a private repo without a token (repoAssignment first)", method: "POST", path: `${API}/repos/rfcs/secret/contents/y.md`, body: { content: b64("z") }, token: "none", status: 404 },
  ];

  const statusOf = (c: Case) => (typeof c.status === "number" ? c.status : c.status[gitea]);

  test.each(cases.map((c) => ({ ...c, status: statusOf(c) })))("$name → $status", async (c) => {
    const res = await send(c);
    const text = await res.text();
    expect({ status: res.status, text }).toEqual({ status: c.status, text: expect.any(String) });
    const body = JSON.parse(text);
    expect(body).toEqual(expect.objectContaining({ message: expect.any(String), url: `${forge.url}/api/swagger` }));
    if (c.status === 404 && !c.message) expect(body).toEqual({ message: "The target couldn't be found.", url: `${forge.url}/api/swagger`, errors: [] });
    if (c.message) expect(body.message).toMatch(c.message);
    if (c.status === 500) expect(body.message).toBe(""); // hidden from non-admins in production
  });

  test("the conflicting PR and the work-in-progress PR report mergeable: false", async () => {
    const pr = await ok("GET", `${M}/pulls/4`);
    expect(pr.mergeable).toBe(false);
    expect((await ok("GET", `${M}/pulls/1`)).mergeable).toBe(true);
    expect((await ok("GET", `${M}/pulls/5`)).mergeable).toBe(false);
  });
});
