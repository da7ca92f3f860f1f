import { HOOK_EVENTS } from "@/forge/bootstrap";
import { FORGE_PROFILES, startTestForge, type TestForge } from "../../helpers/forge";
import { waitUntil } from "../../helpers/wait";
import { oauthTokensFor } from "../auth/oauth-flow";
import { startReceiver } from "./webhook-receiver";

// The contract's second half: one step per point of FACTS.md §7 ("where
// Gitea differs from an easy implementation"), against each Gitea release
// the forge can be. Each step states what real Gitea does and checks the
// forge does the same; the list below must cover every point.

const API = "/api/v1";
const R = `${API}/repos/rfcs/facts`;
const b64 = (s: string) => Buffer.from(s).toString("base64");
// Checks stay queued until a step drains them, so "still checking" never
// depends on how busy the machine is; one step lets a short timer run out.
const CHECK_MS = 60_000;
const SHORT_CHECK_MS = 400;

type Res = { status: number; json: any; text: string }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
type Delivery = { id: number; event: string; event_type: string; repository: string; payload: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const POINTS = [
  "7.1 compare by commit id",
  "7.2 a push to a PR's head: checking, 405, then mergeable",
  "7.2 after a merge, other PRs into the base are re-checked without webhooks",
  "7.2 a PR opened right after its branch was pushed is still checking",
  "7.3 events: pull_request expands; the form's boxes are pull_request_only + pull_request_sync",
  "7.4 branch names are at most 100 characters",
  "7.5 contents errors: a lost race and a missing path",
  "7.6 work-in-progress titles",
  "7.7 deleting a branch closes its PRs",
  "7.8 merge needs Do; head_commit_id must be the head",
  "7.9 OAuth token scope",
  "7.10 webhooks go out from a queue in no order",
  "7.10 a branch without old_ref_name; the version",
] as const;
type Point = (typeof POINTS)[number];

describe.each(FORGE_PROFILES)("FACTS.md §7 (Gitea %s)", (gitea) => {
  let forge: TestForge;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let seq = 0;

  const call = async (method: string, path: string, body?: unknown, token?: string | null): Promise<Res> => {
    const res = await forge.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) }, token);
    const text = await res.text();
    return { status: res.status, text, json: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null };
  };
  const ok = async (method: string, path: string, body?: unknown): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await call(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
    return r.json;
  };
  /** A new branch from main with one new file (a contents write = a push). */
  const branch = async (name = `b${++seq}`, file = `${name}.md`) => {
    const r = await ok("POST", `${R}/contents/${file}`, { content: b64(`${name}\n`), new_branch: name });
    return { name, sha: r.commit.sha as string, file };
  };
  const pull = async (head: string, title = head) => ok("POST", `${R}/pulls`, { head, base: "main", title });
  const readPull = async (n: number) => ok("GET", `${R}/pulls/${n}`);
  const deliveries = async (): Promise<Delivery[]> => {
    await forge.flushWebhooks();
    const list = (await (await forge.admin("/deliveries")).json()) as Delivery[];
    return list.filter((d) => d.repository === "rfcs/facts");
  };
  const since = async () => (await deliveries()).at(-1)?.id ?? 0;
  const after = async (id: number) => (await deliveries()).filter((d) => d.id > id);
  const settled = async () => {
    await forge.drainChecks();
    await forge.flushWebhooks();
  };

  beforeAll(async () => {
    rx = await startReceiver();
    forge = await startTestForge({ gitea, behaviour: { mergeCheckMs: CHECK_MS, webhookOrder: "ordered" } });
    await ok("POST", `${API}/orgs/rfcs/repos`, { name: "facts", auto_init: true, default_branch: "main" });
  });
  afterAll(async () => {
    await forge?.stop();
    await rx?.close();
  });
  afterEach(async () => {
    await forge.admin("/faults", { method: "DELETE" });
    await forge.admin("/behaviour", { method: "PATCH", body: JSON.stringify({ mergeCheckMs: CHECK_MS, webhookOrder: "ordered" }) });
    await settled();
  });

  const steps: Record<Point, () => Promise<void>> = {
    "7.1 compare by commit id": async () => {
      // routers/api/v1/repo/pull.go parseCompareInfo: 1.22 resolves branch and tag names only; ids from v1.23.0 (#32801).
      const b = await branch();
      const main = (await ok("GET", `${R}/branches/main`)).commit.id;
      const byName = await call("GET", `${R}/compare/main...${b.name}`);
      expect(byName.status).toBe(200);
      expect(byName.json.total_commits).toBe(1);
      const byId = await call("GET", `${R}/compare/${main}...${b.sha}`);
      if (gitea === "1.22") expect(byId).toMatchObject({ status: 404, json: { message: "The target couldn't be found." } });
      else expect(byId).toMatchObject({ status: 200, json: { total_commits: 1 } });
    },

    "7.2 a push to a PR's head: checking, 405, then mergeable": async () => {
      // services/pull/pull.go: "checking" before the synchronized webhook; the merge test runs in a queue.
      const b = await branch();
      const pr = await pull(b.name);
      await settled();
      expect((await readPull(pr.number)).mergeable).toBe(true);
      const push = async (text: string) => {
        const file = await ok("GET", `${R}/contents/${b.file}?ref=${b.name}`);
        await ok("PUT", `${R}/contents/${b.file}`, { content: b64(text), sha: file.sha, branch: b.name });
      };
      const mark = await since();
      await push("two\n");
      expect((await readPull(pr.number)).mergeable).toBe(false);
      const merge = await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "merge" });
      expect(merge).toMatchObject({ status: 405, json: { message: "Please try again later" } });
      const sync = (await after(mark)).filter((d) => d.event_type === "pull_request_sync");
      expect(sync.map((d) => [d.payload.action, d.payload.number])).toEqual([["synchronized", pr.number]]);
      await settled();
      expect((await readPull(pr.number)).mergeable).toBe(true);
      // The queue works on its own: with a short delay the check ends by itself, never before the delay.
      await forge.admin("/behaviour", { method: "PATCH", body: JSON.stringify({ mergeCheckMs: SHORT_CHECK_MS }) });
      const pushedAt = Date.now();
      await push("three\n");
      await waitUntil(async () => (await readPull(pr.number)).mergeable === true, { what: "the check to finish" });
      expect(Date.now() - pushedAt).toBeGreaterThanOrEqual(SHORT_CHECK_MS - 5);
      expect((await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "merge" })).status).toBe(200);
    },

    "7.2 after a merge, other PRs into the base are re-checked without webhooks": async () => {
      // services/pull/merge.go → push → TestPullRequest: every open PR into that base is queued, no webhook for them.
      const [one, two] = [await branch(), await branch()];
      const [first, second] = [await pull(one.name), await pull(two.name)];
      await settled();
      const mark = await since();
      expect((await call("POST", `${R}/pulls/${first.number}/merge`, { Do: "merge" })).status).toBe(200);
      expect((await readPull(second.number)).mergeable).toBe(false);
      expect((await call("POST", `${R}/pulls/${second.number}/merge`, { Do: "merge" })).status).toBe(405);
      const about = (await after(mark)).filter((d) => d.event === "pull_request").map((d) => d.payload.number);
      expect(about).toEqual([first.number]);
      await settled();
      expect((await readPull(second.number)).mergeable).toBe(true);
    },

    "7.2 a PR opened right after its branch was pushed is still checking": async () => {
      const b = await branch();
      const pr = await pull(b.name);
      expect(pr.mergeable).toBe(false);
      expect((await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "merge" })).json.message).toBe("Please try again later");
      await settled();
      expect((await readPull(pr.number)).mergeable).toBe(true);
    },

    "7.3 events: pull_request expands; the form's boxes are pull_request_only + pull_request_sync": async () => {
      // routers/api/v1/utils/hook.go: through the API `pull_request` is every PR sub-event; the form's
      // "Pull Request" box is the base event only, "Pull Request Synchronized" its own box.
      const all = await ok("POST", `${R}/hooks`, { type: "gitea", events: ["pull_request"], config: { url: `${rx.url}/all`, content_type: "json" }, active: true });
      expect(all.events).toEqual(expect.arrayContaining(["pull_request", "pull_request_sync", "pull_request_comment"]));
      const only = await ok("POST", `${R}/hooks`, { type: "gitea", events: ["pull_request_only"], config: { url: `${rx.url}/only`, content_type: "json" }, active: true });
      expect(only.events).toEqual(["pull_request"]);
      const readme = await ok("POST", `${R}/hooks`, { type: "gitea", events: HOOK_EVENTS, config: { url: `${rx.url}/readme`, content_type: "json" }, active: true });
      expect(readme.events).toEqual(["create", "delete", "push", "pull_request", "pull_request_sync", "repository"]);
      const b = await branch();
      const pr = await pull(b.name);
      await settled();
      rx.clear();
      const file = await ok("GET", `${R}/contents/${b.file}?ref=${b.name}`);
      await ok("PUT", `${R}/contents/${b.file}`, { content: b64("again\n"), sha: file.sha, branch: b.name });
      await forge.flushWebhooks();
      const types = (path: string) => rx.of(undefined, path).map((r) => r.headers["x-gitea-event-type"]);
      expect(types("/all")).toEqual(["pull_request_sync"]);
      expect(types("/only")).toEqual([]);
      expect(types("/readme")).toEqual(["push", "pull_request_sync"]);
      expect(rx.of("pull_request_sync", "/readme")[0].payload).toMatchObject({ action: "synchronized", number: pr.number });
      for (const h of [all, only, readme]) await ok("DELETE", `${R}/hooks/${h.id}`);
    },

    "7.4 branch names are at most 100 characters": async () => {
      // modules/structs/repo.go CreateBranchRepoOption, repo_file.go FileOptions: MaxSize(100).
      const name = (n: number) => `edit/${"n".repeat(n - 5)}`;
      expect((await call("POST", `${R}/branches`, { new_branch_name: name(100), old_ref_name: "main" })).status).toBe(201);
      expect((await call("POST", `${R}/branches`, { new_branch_name: name(101), old_ref_name: "main" })).status).toBe(422);
      expect((await call("POST", `${R}/contents/x.md`, { content: b64("x"), new_branch: `${name(100)}x` })).status).toBe(422);
      expect((await call("POST", `${R}/contents/x.md`, { content: b64("x"), branch: name(101) })).status).toBe(422);
    },

    "7.5 contents errors: a lost race and a missing path": async () => {
      // Gitea pushes from a temporary repo; a branch moved meanwhile rejects the push, which no handler maps: 500.
      const b = await branch();
      const file = await ok("GET", `${R}/contents/${b.file}?ref=${b.name}`);
      await forge.admin("/faults", { method: "POST", body: JSON.stringify({ method: "PUT", path: `${R}/contents/**`, phase: "race" }) });
      const lost = await call("PUT", `${R}/contents/${b.file}`, { content: b64("mine\n"), sha: file.sha, branch: b.name });
      expect(lost).toMatchObject({ status: 500, json: { message: "" } });
      const head = (await ok("GET", `${R}/branches/${b.name}`)).commit;
      expect(head.message).toMatch(/concurrent push/);
      expect((await ok("GET", `${R}/contents/${b.file}?ref=${b.name}`)).sha).toBe(file.sha);
      // 1.22 handleCreateOrUpdateFileError leaves "file does not exist" unmapped; newer answers 404.
      const missing = await call("PUT", `${R}/contents/missing.md`, { content: b64("x"), sha: file.sha });
      expect(missing.status).toBe(gitea === "1.22" ? 500 : 404);
      const stale = await call("PUT", `${R}/contents/${b.file}`, { content: b64("x"), sha: "0".repeat(40), branch: b.name });
      expect(stale.status).toBe(422);
    },

    "7.6 work-in-progress titles": async () => {
      // models/issues/pull.go IsWorkInProgress: WORK_IN_PROGRESS_PREFIXES "WIP:", "[WIP]", any case.
      const [one, two] = [await branch(), await branch()];
      const wip = await pull(one.name, "WIP: first draft");
      const bracket = await pull(two.name, "[wip] second draft");
      await settled();
      for (const pr of [wip, bracket]) {
        expect((await readPull(pr.number)).mergeable).toBe(false);
        expect(await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "merge" })).toMatchObject({ status: 405, json: { message: "Work in progress PRs cannot be merged" } });
      }
      await ok("PATCH", `${R}/pulls/${wip.number}`, { title: "First draft" });
      expect((await readPull(wip.number)).mergeable).toBe(true);
      expect((await call("POST", `${R}/pulls/${wip.number}/merge`, { Do: "merge" })).status).toBe(200);
    },

    "7.7 deleting a branch closes its PRs": async () => {
      // services/repository/push.go → CloseBranchPulls: PRs from or into the branch close, `pull_request` closed; only `delete` for the branch.
      const b = await branch();
      const pr = await pull(b.name);
      await settled();
      const mark = await since();
      expect((await call("DELETE", `${R}/branches/${b.name}`)).status).toBe(204);
      expect(await readPull(pr.number)).toMatchObject({ state: "closed", merged: false, closed_at: expect.any(String) });
      const events = (await after(mark)).map((d) => [d.event_type, d.payload.action ?? d.payload.ref]);
      expect(events).toEqual([["delete", b.name], ["pull_request", "closed"]]);
    },

    "7.8 merge needs Do; head_commit_id must be the head": async () => {
      // services/forms/repo_form.go MergePullRequestForm `Do` Required + In(...); ErrSHADoesNotMatch → 409.
      const b = await branch();
      const pr = await pull(b.name);
      await settled();
      expect((await call("POST", `${R}/pulls/${pr.number}/merge`, {})).status).toBe(422);
      expect((await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "" })).status).toBe(422);
      const stale = await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "merge", head_commit_id: "1".repeat(40) });
      expect(stale).toMatchObject({ status: 409, json: { message: "head out of date" } });
      expect((await call("POST", `${R}/pulls/${pr.number}/merge`, { Do: "merge", head_commit_id: b.sha })).status).toBe(200);
      // Without delete_branch_after_merge the head branch stays.
      expect((await call("GET", `${R}/branches/${b.name}`)).status).toBe(200);
    },

    "7.9 OAuth token scope": async () => {
      // services/auth/oauth2.go: 1.22 tokens have full access; 1.23+ GrantAdditionalScopes limits them to what was granted.
      const { access_token } = await oauthTokensFor(forge, "alice"); // asks for read:user, as Quorum's sign-in does
      expect((await call("GET", `${API}/user`, undefined, access_token)).json.login).toBe("alice");
      const repo = await call("GET", R, undefined, access_token);
      if (gitea === "1.22") expect(repo.status).toBe(200);
      else expect(repo).toMatchObject({ status: 403, json: { message: expect.stringContaining("read:repository") } });
    },

    "7.10 webhooks go out from a queue in no order": async () => {
      // modules/webhook: the webhook_sender queue promises no order; `reverse` forces what it may do.
      const hook = await ok("POST", `${R}/hooks`, { type: "gitea", events: ["create", "push"], config: { url: `${rx.url}/order`, content_type: "json" }, active: true });
      rx.clear();
      await forge.admin("/behaviour", { method: "PATCH", body: JSON.stringify({ webhookOrder: "reverse" }) });
      await branch();
      await forge.flushWebhooks();
      const got = rx.of(undefined, "/order");
      expect(got.map((r) => r.headers["x-gitea-event-type"])).toEqual(["push", "create"]);
      // 1.24+ name the hook's installation target (go-gitea/gitea#33752).
      expect(got[0].headers["x-gitea-hook-installation-target-type"]).toBe(gitea === "1.22" ? undefined : "repository");
      await ok("DELETE", `${R}/hooks/${hook.id}`);
    },

    "7.10 a branch without old_ref_name; the version": async () => {
      const r = await call("POST", `${R}/branches`, { new_branch_name: `plain-${++seq}` });
      expect(r.status).toBe(gitea === "1.22" ? 500 : 201);
      expect((await ok("GET", `${API}/version`)).version).toMatch(new RegExp(`^${gitea.replace(".", "\\.")}\\.`));
    },
  };

  test("every point of §7 has a step", () => {
    expect(Object.keys(steps).sort()).toEqual([...POINTS].sort());
  });

  test.each(POINTS.map((p) => [p]))("%s", async (point) => {
    await steps[point]();
  });
});
