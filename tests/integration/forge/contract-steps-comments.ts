import { validateDefinition } from "../../helpers/swagger";
import { step, type Kit, type Step } from "./contract-kit";

// Contract steps: issue comments on PR #1 of rfcs/contract (merged by then),
// and the `issue_comment` / `pull_request_comment` webhook each one queues.

const API = "/api/v1";
const R = `${API}/repos/rfcs/contract`;

type Logged = { event: string; event_type: string; repository: string; payload: Record<string, unknown> };

async function commentDeliveries(k: Kit): Promise<Logged[]> {
  await k.forge.flushWebhooks();
  const res = await k.forge.admin("/deliveries?event=pull_request_comment");
  return ((await res.json()) as Logged[]).filter((d) => d.repository === "rfcs/contract");
}

export const commentSteps: Step[] = [
  step("POST", `${API}/repos/{owner}/{repo}/issues/{index}/comments`, async (k) => {
    const prUrl = `${k.forge.url}/rfcs/contract/pulls/1`;
    // Quorum's org hook does not ask for comments (forge/bootstrap.ts HOOK_EVENTS): a repo hook that does.
    const hook = await k.call("POST", `${R}/hooks`, 201, { body: { type: "gitea", active: true, events: ["pull_request_comment"], config: { url: "http://127.0.0.1:9/c", content_type: "json" } } });
    const r = await k.call("POST", `${R}/issues/1/comments`, 201, { body: { body: "Declined: out of scope\n\nOn-behalf-of: Carol <carol>\n" } });
    expect(r.json).toMatchObject({ body: "Declined: out of scope\n\nOn-behalf-of: Carol <carol>\n", user: { login: k.forge.botUser, email: "" } });
    expect(r.json).toMatchObject({ html_url: `${prUrl}#issuecomment-${r.json.id}`, pull_request_url: prUrl, issue_url: "", assets: [] });
    k.s.commentId = r.json.id;
    // Reading the repo is enough to comment (CanReadIssuesOrPulls): alice is no member of rfcs.
    const alice = await k.call("POST", `${R}/issues/1/comments`, 201, { body: { body: "Agreed." }, token: k.forge.users.alice.token });
    expect(alice.json.user.login).toBe("alice");
    expect(alice.json.id).toBeGreaterThan(r.json.id);

    await k.call("POST", `${R}/issues/1/comments`, 401, { body: { body: "x" }, token: null });
    await k.call("POST", `${R}/issues/1/comments`, 422, { body: {} });
    await k.call("POST", `${R}/issues/1/comments`, 422, { body: { body: "" } });
    await k.call("POST", `${R}/issues/99/comments`, 404, { body: { body: "x" } });
    await k.call("POST", `${API}/repos/rfcs/nope/issues/1/comments`, 404, { body: { body: "x" } });

    const pr = await k.call("GET", `${R}/pulls/1`, 200);
    expect(pr.json.comments).toBe(2);
    expect(Date.parse(pr.json.updated_at)).toBeGreaterThanOrEqual(Date.parse(alice.json.created_at));

    // Each comment queued one task for the hook: X-Gitea-Event issue_comment, type pull_request_comment.
    const [first, second, ...rest] = await commentDeliveries(k);
    await k.call("DELETE", `${R}/hooks/${hook.json.id}`, 204);
    expect(rest).toEqual([]);
    expect([first, second].map((d) => [d.event, d.event_type])).toEqual([["issue_comment", "pull_request_comment"], ["issue_comment", "pull_request_comment"]]);
    expect(Object.keys(first.payload)).toEqual(["action", "issue", "pull_request", "comment", "repository", "sender", "is_pull"]);
    expect(first.payload).toMatchObject({
      action: "created",
      is_pull: true,
      issue: { number: 1, comments: 1, pull_request: { merged: true } },
      pull_request: { number: 1, comments: 1, merged: true },
      comment: { id: k.s.commentId, body: r.json.body },
      repository: { full_name: "rfcs/contract" },
      sender: { login: k.forge.botUser },
    });
    expect(second.payload).toMatchObject({ comment: { id: alice.json.id }, sender: { login: "alice" }, issue: { comments: 2 } });
    const parts: [string, string][] = [["Issue", "issue"], ["PullRequest", "pull_request"], ["Comment", "comment"], ["Repository", "repository"], ["User", "sender"]];
    for (const [def, field] of parts) expect([field, validateDefinition(def, first.payload[field])]).toEqual([field, []]);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/issues/{index}/comments`, async (k) => {
    const r = await k.call("GET", `${R}/issues/1/comments`, 200, { token: null });
    expect(r.json.map((c: { user: { login: string } }) => c.user.login)).toEqual([k.forge.botUser, "alice"]);
    expect(r.json[0]).toMatchObject({ id: k.s.commentId, body: "Declined: out of scope\n\nOn-behalf-of: Carol <carol>\n" });
    expect(r.headers.get("x-total-count")).toBe("2");
    const since = await k.call("GET", `${R}/issues/1/comments?since=${encodeURIComponent(r.json[1].updated_at)}`, 200);
    expect(since.json.map((c: { id: number }) => c.id)).toContain(r.json[1].id);
    const future = await k.call("GET", `${R}/issues/1/comments?since=2999-01-01T00:00:00Z`, 200);
    expect(future.json).toEqual([]);
    const old = await k.call("GET", `${R}/issues/1/comments?before=2000-01-01T00:00:00Z`, 200);
    expect(old.json).toEqual([]);
    await k.call("GET", `${R}/issues/1/comments?since=yesterday`, 422);
    await k.call("GET", `${R}/issues/99/comments`, 404);
  }),
];
