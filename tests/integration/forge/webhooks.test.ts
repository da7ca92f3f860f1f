import { createHmac } from "node:crypto";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { startReceiver, type Received } from "./webhook-receiver";


// Webhooks (FACTS §1–§3): Gitea's headers, HMAC over the raw bytes, event
// order (create before push; only delete), PR actions, org vs repo hooks.

const API = "/api/v1";
const M = `${API}/repos/rfcs/meta`;
const HOOK_PATH = "/api/webhooks/gitea";
const b64 = (s: string) => Buffer.from(s).toString("base64");
const hmac = (alg: string, secret: string, raw: Buffer) => createHmac(alg, secret).update(raw).digest("hex");

describe("forge webhooks", () => {
  let forge: TestForge;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await forge.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const events = () => rx.of(undefined, HOOK_PATH).map((r) => r.headers["x-gitea-event-type"]);

  beforeAll(async () => {
    rx = await startReceiver();
    // Gitea's queue promises no order (FACTS §1, §7.10); these tests read the
    // payloads in the order the forge queued them. The contract test covers the reordering.
    forge = await startTestForge({ appUrl: rx.url, webhookSecret: "hush", behaviour: { webhookOrder: "ordered" } });
  });
  afterAll(async () => {
    await forge?.stop();
    await rx?.close();
  });
  beforeEach(async () => {
    await forge.flushWebhooks();
    rx.clear();
  });

  test("a new branch sends create then push, signed over the raw bytes with Gitea's headers", async () => {
    await call("POST", `${M}/contents/rfcs/a.md`, { content: b64("a\n"), new_branch: "rfc/a", message: "Add a\n\nOn-behalf-of: alice" });
    await forge.flushWebhooks();
    expect(events()).toEqual(["create", "push"]);
    const [create, push] = rx.received;
    expect(create.payload).toMatchObject({ ref: "rfc/a", ref_type: "branch", repository: { full_name: "rfcs/meta" }, sender: { login: forge.botUser } });
    expect(push.payload).toMatchObject({ ref: "refs/heads/rfc/a", before: "0".repeat(40), total_commits: 3 });
    expect(push.payload.commits[0]).toMatchObject({ message: "Add a\n\nOn-behalf-of: alice\n", added: ["rfcs/a.md"], removed: [], modified: [] });
    expect(push.payload.head_commit.id).toBe(push.payload.after);
    for (const r of [create, push]) expectSigned(r, "hush");
    expect(push.raw.toString("utf8")).toBe(JSON.stringify(push.payload, null, 2));
    expect(push.headers).toMatchObject({ "x-gitea-event": "push", "x-gogs-event": "push", "x-github-event": "push", "content-type": "application/json" });
  });

  test("a tag sends push then create (ref_type tag); deleting it sends push then delete; a private repo's events reach the org hook", async () => {
    await call("POST", `${M}/tags`, { tag_name: "quorum/cut/x", message: "cut" });
    await forge.flushWebhooks();
    expect(events()).toEqual(["push", "create"]);
    const [push, create] = rx.received;
    expect(push.payload).toMatchObject({ ref: "refs/tags/quorum/cut/x", before: "0".repeat(40), commits: [], total_commits: 0 });
    expect(create.payload).toMatchObject({ ref: "quorum/cut/x", ref_type: "tag", sha: push.payload.after });
    rx.clear();
    await call("DELETE", `${M}/tags/quorum/cut/x`);
    await forge.flushWebhooks();
    expect(events()).toEqual(["push", "delete"]);
    expect(rx.received[0].payload).toMatchObject({ ref: "refs/tags/quorum/cut/x", after: "0".repeat(40) });
    expect(rx.received[1].payload).toMatchObject({ ref: "quorum/cut/x", ref_type: "tag" });
    rx.clear();
    await call("POST", `${API}/orgs/rfcs/repos`, { name: "quiet", auto_init: true, private: true });
    await call("POST", `${API}/repos/rfcs/quiet/contents/a.md`, { content: b64("a\n"), new_branch: "b" });
    await forge.flushWebhooks();
    expect(events()).toEqual(["repository", "create", "push"]);
    expect(rx.received[2].payload.repository).toMatchObject({ full_name: "rfcs/quiet", private: true });
  });

  test("pushes list newest first, truncated to 5, with total_commits", async () => {
    for (let i = 1; i <= 6; i++) await call("POST", `${M}/contents/rfcs/many-${i}.md`, { content: b64(`${i}\n`), branch: i === 1 ? "main" : "many", new_branch: i === 1 ? "many" : undefined });
    await call("POST", `${M}/pulls`, { head: "many", base: "main", title: "Many" });
    await forge.flushWebhooks();
    rx.clear();
    const pr = (await call("GET", `${M}/pulls?state=open`)).find((p: { title: string }) => p.title === "Many");
    await forge.drainChecks(); // opened right after a push: still "checking" (FACTS §7.2)
    await call("POST", `${M}/pulls/${pr.number}/merge`, { Do: "merge" });
    await forge.flushWebhooks();
    expect(events()).toEqual(["push", "pull_request"]);
    const push = rx.of("push")[0].payload;
    expect(push.total_commits).toBe(7);
    expect(push.commits).toHaveLength(5);
    expect(push.commits[0].message).toMatch(/^Merge pull request 'Many'/);
    expect(push.commits[1].message).toBe("Add rfcs/many-6.md\n");
    const closed = rx.of("pull_request")[0].payload;
    expect(closed).toMatchObject({ action: "closed", number: pr.number, pull_request: { merged: true, state: "closed", merge_commit_sha: push.after, merged_by: { login: forge.botUser } } });
    expect(closed.pull_request.merged_at).toEqual(expect.any(String));
  });

  test("pull request lifecycle: opened, edited, synchronized, closed, reopened", async () => {
    await call("POST", `${M}/contents/rfcs/life.md`, { content: b64("v1\n"), new_branch: "life" });
    const pr = await call("POST", `${M}/pulls`, { head: "life", base: "main", title: "Life" });
    await call("PATCH", `${M}/pulls/${pr.number}`, { title: "Life, edited" });
    const file = await call("GET", `${M}/contents/rfcs/life.md?ref=life`);
    await call("PUT", `${M}/contents/rfcs/life.md`, { content: b64("v2\n"), sha: file.sha, branch: "life" });
    await call("PATCH", `${M}/pulls/${pr.number}`, { state: "closed" });
    await call("PATCH", `${M}/pulls/${pr.number}`, { state: "open" });
    await forge.flushWebhooks();
    const prEvents = rx.received.filter((r) => r.headers["x-gitea-event"] === "pull_request");
    expect(prEvents.map((r) => [r.headers["x-gitea-event-type"], r.payload.action])).toEqual([
      ["pull_request", "opened"],
      ["pull_request", "edited"],
      ["pull_request_sync", "synchronized"],
      ["pull_request", "closed"],
      ["pull_request", "reopened"],
    ]);
    expect(prEvents[1].payload.changes).toEqual({ title: { from: "Life" } });
    expect(prEvents[3].payload.pull_request.merged).toBe(false);
    expect(prEvents[2].payload.pull_request.head.sha).not.toBe(pr.head.sha);
    expect(prEvents.map((r) => r.payload.pull_request.updated_at)).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  test("a comment on a PR sends issue_comment (type pull_request_comment) with the issue, the PR and the comment", async () => {
    await call("POST", `${M}/contents/rfcs/talk.md`, { content: b64("talk\n"), new_branch: "talk" });
    const pr = await call("POST", `${M}/pulls`, { head: "talk", base: "main", title: "Talk" });
    // Quorum's org hook does not ask for comments (forge/bootstrap.ts HOOK_EVENTS): a repo hook that does.
    const hook = await call("POST", `${M}/hooks`, {
      type: "gitea", active: true, events: ["pull_request"], config: { url: `${rx.url}/comments`, content_type: "json", secret: "hush" },
    });
    await forge.flushWebhooks();
    rx.clear();
    const comment = await call("POST", `${M}/issues/${pr.number}/comments`, { body: "Declined: not now" });
    await forge.flushWebhooks();
    await call("DELETE", `${M}/hooks/${hook.id}`);
    expect(events()).toEqual([]);
    expect(rx.of(undefined, "/comments").map((r) => r.headers["x-gitea-event-type"])).toEqual(["pull_request_comment"]);
    const [r] = rx.received;
    expect(r.headers).toMatchObject({ "x-gitea-event": "issue_comment", "x-gogs-event": "issue_comment", "x-github-event": "issue_comment", "x-gogs-event-type": "pull_request_comment" });
    expectSigned(r, "hush");
    expect(r.raw.toString("utf8")).toBe(JSON.stringify(r.payload, null, 2));
    expect(r.payload).toMatchObject({
      action: "created",
      is_pull: true,
      issue: { id: expect.any(Number), number: pr.number, comments: 1, state: "open", pull_request: { merged: false } },
      pull_request: { id: pr.id, number: pr.number, comments: 1, head: { ref: "talk" } },
      comment: { id: comment.id, body: "Declined: not now", user: { login: forge.botUser }, pull_request_url: pr.html_url },
      repository: { full_name: "rfcs/meta" },
      sender: { login: forge.botUser },
    });
  });

  test("a deleted branch sends only delete", async () => {
    await call("POST", `${M}/branches`, { new_branch_name: "doomed", old_ref_name: "main" });
    await forge.flushWebhooks();
    rx.clear();
    await call("DELETE", `${M}/branches/doomed`);
    await forge.flushWebhooks();
    expect(events()).toEqual(["delete"]);
    expect(rx.received[0].payload).toMatchObject({ ref: "doomed", ref_type: "branch", pusher_type: "user" });
  });

  test("repository events reach org hooks only; repo and org hooks each get their own delivery", async () => {
    await call("POST", `${API}/orgs/rfcs/repos`, { name: "side", auto_init: true });
    await call("POST", `${API}/repos/rfcs/side/hooks`, {
      type: "gitea", active: true, events: ["push", "repository"], config: { url: `${rx.url}/repo-hook`, content_type: "form" },
    });
    await call("POST", `${API}/repos/rfcs/side/contents/x.md`, { content: b64("x") });
    await call("DELETE", `${API}/repos/rfcs/side`);
    await forge.flushWebhooks();
    expect(events()).toEqual(["repository", "push", "repository"]);
    expect(rx.of("repository").map((r) => r.payload.action)).toEqual(["created", "deleted"]);
    expect(rx.of("repository")[0].payload.organization.login).toBe("rfcs");
    const repoHook = rx.received.filter((r) => r.path === "/repo-hook");
    expect(repoHook.map((r) => r.headers["x-gitea-event-type"])).toEqual(["push"]);
    expect(repoHook[0].headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(repoHook[0].headers["x-gitea-signature"]).toBe("");
    expect(repoHook[0].headers["x-hub-signature-256"]).toBe("sha256=");
    expect(repoHook[0].headers["x-hub-signature"]).toBe("sha1=");
    expect(repoHook[0].headers["x-gitea-delivery"]).not.toBe(rx.of("push", HOOK_PATH)[0].headers["x-gitea-delivery"]);
  });

  test("paused deliveries are lost (logged as dropped); failures are recorded, never retried", async () => {
    expect((await forge.admin("/webhooks/pause", { method: "POST" })).status).toBe(204);
    await call("POST", `${M}/contents/rfcs/lost.md`, { content: b64("lost") });
    await forge.admin("/webhooks/resume", { method: "POST" });
    await forge.flushWebhooks();
    expect(rx.received).toEqual([]);
    const log = (await (await forge.admin("/deliveries")).json()) as { status: string; event_type: string; response_status: number | null }[];
    expect(log.at(-1)).toMatchObject({ status: "dropped", event_type: "push" });

    await call("POST", `${API}/orgs/rfcs/hooks`, { type: "gitea", active: true, config: { url: `${rx.url}/fail`, content_type: "json" } });
    await call("POST", `${M}/contents/rfcs/fail.md`, { content: b64("fail") });
    await forge.flushWebhooks();
    expect(rx.of("push", "/fail")).toHaveLength(1);
    const after = (await (await forge.admin("/deliveries?event=push")).json()) as { status: string; url: string; response_status: number }[];
    expect(after.filter((d) => d.url.endsWith("/fail"))).toEqual([expect.objectContaining({ status: "failed", response_status: 500 })]);
    expect(after.filter((d) => d.url.endsWith(HOOK_PATH)).at(-1)?.status).toBe("delivered");
  });
});

function expectSigned(r: Received, secret: string): void {
  const h = r.headers;
  expect(h["x-gitea-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(h["x-gogs-delivery"]).toBe(h["x-gitea-delivery"]);
  expect(h["x-github-delivery"]).toBe(h["x-gitea-delivery"]);
  expect(h["x-gitea-event-type"]).toBe(h["x-github-event-type"]);
  expect(h["x-gitea-signature"]).toBe(hmac("sha256", secret, r.raw));
  expect(h["x-gogs-signature"]).toBe(h["x-gitea-signature"]);
  expect(h["x-hub-signature-256"]).toBe(`sha256=${hmac("sha256", secret, r.raw)}`);
  expect(h["x-hub-signature"]).toBe(`sha1=${hmac("sha1", secret, r.raw)}`);
}
