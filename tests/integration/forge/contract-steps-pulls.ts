import { step, type Step } from "./contract-kit";

// Contract steps: pull requests, issue search and webhooks (org and repo).

const API = "/api/v1";
const R = `${API}/repos/rfcs/contract`;

function hookSteps(prefix: string, url: string, scope: string): Step[] {
  return [
    step("POST", `${API}${prefix}`, async (k) => {
      const r = await k.call("POST", `${url}`, 201, {
        body: { type: "gitea", config: { url: "http://127.0.0.1:9/hook", content_type: "json", secret: "s3cret" }, events: ["pull_request"] },
      });
      expect(r.json).toMatchObject({ type: "gitea", active: false, config: { url: "http://127.0.0.1:9/hook", content_type: "json" } });
      expect(r.json.events).toContain("pull_request_sync");
      expect(JSON.stringify(r.json)).not.toContain("s3cret");
      k.s[`${scope}Hook`] = r.json.id;
    }),
    step("GET", `${API}${prefix}`, async (k) => {
      const r = await k.call("GET", url, 200);
      expect(r.json.map((h: { id: number }) => h.id)).toContain(k.s[`${scope}Hook`]);
    }),
    step("GET", `${API}${prefix}/{id}`, async (k) => {
      const r = await k.call("GET", `${url}/${k.s[`${scope}Hook`]}`, 200);
      expect(r.json.id).toBe(k.s[`${scope}Hook`]);
    }),
    step("PATCH", `${API}${prefix}/{id}`, async (k) => {
      const r = await k.call("PATCH", `${url}/${k.s[`${scope}Hook`]}`, 200, { body: { active: true, events: ["push"] } });
      expect(r.json).toMatchObject({ active: true, events: ["push"] });
    }),
    step("DELETE", `${API}${prefix}/{id}`, async (k) => {
      await k.call("DELETE", `${url}/${k.s[`${scope}Hook`]}`, 204);
      await k.call("GET", `${url}/${k.s[`${scope}Hook`]}`, 404);
    }),
  ];
}

export const pullSteps: Step[] = [
  step("POST", `${API}/repos/{owner}/{repo}/pulls`, async (k) => {
    await k.forge.drainChecks(); // the push of rfc/second is processed: mergeability is computed at creation (FACTS §5)
    const r = await k.call("POST", `${R}/pulls`, 201, { body: { head: "rfc/second", base: "main", title: "Second", body: "Please" } });
    expect(r.json).toMatchObject({ number: 1, state: "open", mergeable: true, merged: false, merged_at: null, changed_files: 2 });
    expect(r.json.head).toMatchObject({ ref: "rfc/second", label: "rfc/second", sha: k.s.secondHead });
    expect(r.json.base.ref).toBe("main");
  }),
  step("GET", `${API}/repos/{owner}/{repo}/pulls`, async (k) => {
    const r = await k.call("GET", `${R}/pulls?state=open&sort=recentupdate`, 200);
    expect(r.json.map((p: { number: number }) => p.number)).toEqual([1]);
    const closed = await k.call("GET", `${R}/pulls?state=closed`, 200);
    expect(closed.json).toEqual([]);
  }),
  step("GET", `${API}/repos/{owner}/{repo}/pulls/{index}`, async (k) => {
    const r = await k.call("GET", `${R}/pulls/1`, 200);
    expect(r.json).toMatchObject({ additions: 2, deletions: 1, changed_files: 2 });
    expect(r.json.merge_base).toMatch(/^[0-9a-f]{40}$/);
  }),
  step("PATCH", `${API}/repos/{owner}/{repo}/pulls/{index}`, async (k) => {
    const r = await k.call("PATCH", `${R}/pulls/1`, 201, { body: { title: "Second RFC", body: "Please review" } });
    expect(r.json).toMatchObject({ title: "Second RFC", body: "Please review" });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/pulls/{index}/files`, async (k) => {
    const r = await k.call("GET", `${R}/pulls/1/files`, 200);
    expect(r.json.map((f: { filename: string; status: string }) => `${f.status}:${f.filename}`)).toEqual(["modified:rfcs/first.md", "added:rfcs/second.md"]);
    expect(r.headers.get("x-total")).toBe("2");
    expect(r.headers.get("x-hasmore")).toBe("false");
  }),
  step("GET", `${API}/repos/{owner}/{repo}/pulls/{index}.{diffType}`, async (k) => {
    const r = await k.call("GET", `${R}/pulls/1.diff`, 200);
    expect(r.text).toContain("diff --git a/rfcs/second.md b/rfcs/second.md");
    expect(r.headers.get("content-type")).toContain("text/plain");
    const patch = await k.call("GET", `${R}/pulls/1.patch`, 200);
    expect(patch.text).toContain("Subject: [PATCH");
  }),
  step("GET", `${API}/repos/{owner}/{repo}/pulls/{index}/merge`, async (k) => {
    await k.call("GET", `${R}/pulls/1/merge`, 404);
  }),
  step("POST", `${API}/repos/{owner}/{repo}/pulls/{index}/merge`, async (k) => {
    await k.forge.drainChecks();
    const r = await k.call("POST", `${R}/pulls/1/merge`, 200, { body: { Do: "merge", MergeMessageField: "Accepted.", delete_branch_after_merge: true } });
    expect(r.text).toBe("");
    await k.call("GET", `${R}/pulls/1/merge`, 204);
    const pr = await k.call("GET", `${R}/pulls/1`, 200);
    expect(pr.json).toMatchObject({ merged: true, state: "closed", merged_by: { login: k.forge.botUser } });
    const head = await k.call("GET", `${R}/git/commits/${pr.json.merge_commit_sha}`, 200);
    expect(head.json.commit.message).toBe("Merge pull request 'Second RFC' (#1) from rfc/second into main\n\nAccepted.\n");
    expect(head.json.parents).toHaveLength(2);
    await k.call("GET", `${R}/branches/rfc/second`, 404);
  }),
  step("GET", `${API}/repos/issues/search`, async (k) => {
    const r = await k.call("GET", `${API}/repos/issues/search?type=pulls&state=all&owner=rfcs&since=2000-01-01T00:00:00Z`, 200);
    expect(r.json).toHaveLength(1);
    expect(r.json[0]).toMatchObject({ number: 1, state: "closed", pull_request: { merged: true }, repository: { full_name: "rfcs/contract", owner: "rfcs" } });
    const open = await k.call("GET", `${API}/repos/issues/search?type=pulls&state=open`, 200);
    expect(open.json).toEqual([]);
  }),
  ...hookSteps("/orgs/{org}/hooks", `${API}/orgs/rfcs/hooks`, "org"),
  ...hookSteps("/repos/{owner}/{repo}/hooks", `${R}/hooks`, "repo"),
];

export const finalSteps: Step[] = [
  step("DELETE", `${API}/repos/{owner}/{repo}`, async (k) => {
    await k.call("DELETE", R, 204);
    await k.call("GET", R, 404);
  }),
];
