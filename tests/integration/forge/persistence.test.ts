import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrapForge, type BootstrapResult } from "@/forge/bootstrap";
import { startForge, type ForgeHandle } from "@/forge/server";
import { nextSecond, waitUntil } from "@/tests/helpers/wait";


// Data survives a restart; the bare repos are real Git (clone shows the
// history); a commit pushed straight into the bare repo (a missed webhook)
// still moves the branch, the repo's updated_at and the PR.

const API = "/api/v1";
const M = `${API}/repos/rfcs/meta`;

function gitIn(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "Direct Pusher", GIT_AUTHOR_EMAIL: "direct@example.com", GIT_COMMITTER_NAME: "Direct Pusher", GIT_COMMITTER_EMAIL: "direct@example.com" };
  return execFileSync("git", args, { cwd, env, encoding: "utf8" }).trim();
}

describe("forge persistence and real git", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "quorum-forge-persist-"));
  const work = mkdtempSync(path.join(os.tmpdir(), "quorum-forge-clone-"));
  let forge: ForgeHandle;
  let boot: BootstrapResult;
  const call = async (method: string, p: string, body?: unknown, token = boot.botToken) => {
    const res = await fetch(`${forge.url}${p}`, {
      method,
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  beforeAll(async () => {
    forge = await startForge({ dataDir });
    boot = await bootstrapForge({ url: forge.url, adminToken: forge.adminToken, appUrl: "http://127.0.0.1:9", webhookSecret: "s" });
    const message = "Add the first RFC\n\nWhy it matters.\n\nOn-behalf-of: alice <alice@forge.local>";
    await call("POST", `${M}/contents/rfcs/first.md`, { content: Buffer.from("# First\n").toString("base64"), message, new_branch: "rfc/first", author: { name: "Alice Archer", email: "alice@forge.local" } });
    await call("POST", `${M}/pulls`, { head: "rfc/first", base: "main", title: "First" });
    await call("POST", `${M}/issues/1/comments`, { body: "Kept across restarts" });
  });
  afterAll(async () => {
    await forge?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test("a restart keeps users, tokens, the admin token, repos, PRs, comments and hooks", async () => {
    const adminToken = forge.adminToken;
    await forge.close();
    forge = await startForge({ dataDir });
    expect(forge.adminToken).toBe(adminToken);
    expect((await call("GET", `${API}/user`)).login).toBe(boot.botUser);
    expect((await call("GET", `${API}/user`, undefined, boot.users.alice.token)).login).toBe("alice");
    expect((await call("GET", M)).default_branch).toBe("main");
    expect((await call("GET", `${M}/pulls/1`)).head.ref).toBe("rfc/first");
    expect((await call("GET", `${M}/issues/1/comments`)).map((c: { body: string }) => c.body)).toEqual(["Kept across restarts"]);
    expect((await call("GET", `${M}/pulls/1`)).comments).toBe(1);
    expect(await call("GET", `${API}/orgs/rfcs/hooks`)).toHaveLength(1);
    expect((await call("GET", `${API}/users/quorum-bot`, undefined, adminToken)).login).toBe("quorum-bot");
  });

  test("changes reach the state file soon, with no close", async () => {
    const file = path.join(dataDir, ".forge", "state.json");
    const onDisk = () => JSON.parse(readFileSync(file, "utf8")) as { repos: { name: string }[] };
    const writes = () => statSync(file).mtimeMs;
    const before = writes();
    for (const name of ["burst-1", "burst-2", "burst-3"]) await call("POST", `${API}/orgs/rfcs/repos`, { name });
    await waitUntil(() => onDisk().repos.some((r) => r.name === "burst-3"), { timeoutMs: 10_000, what: "the burst to reach state.json" });
    expect(onDisk().repos.filter((r) => r.name.startsWith("burst-")).map((r) => r.name)).toEqual(["burst-1", "burst-2", "burst-3"]);
    expect(writes()).toBeGreaterThan(before);
  });

  test("`git clone` of the bare repo shows the commits with authors and full messages", () => {
    gitIn(work, "clone", "-q", "--branch", "rfc/first", path.join(dataDir, "rfcs", "meta.git"), "meta");
    const clone = path.join(work, "meta");
    expect(gitIn(clone, "log", "-1", "--format=%an <%ae>|%cn")).toBe("Alice Archer <alice@forge.local>|Alice Archer"); // only author given → committer = author (GetAuthorAndCommitterUsers)
    expect(gitIn(clone, "log", "-1", "--format=%B")).toBe("Add the first RFC\n\nWhy it matters.\n\nOn-behalf-of: alice <alice@forge.local>");
    expect(gitIn(clone, "log", "-1", "--format=%(trailers:key=On-behalf-of,valueonly)")).toBe("alice <alice@forge.local>");
    expect(gitIn(clone, "rev-list", "--count", "HEAD")).toBe("3");
  });

  test("a direct push into the bare repo moves the branch, updated_at and the open PR", async () => {
    const clone = path.join(work, "meta");
    const repoBefore = await call("GET", M);
    const prBefore = await call("GET", `${M}/pulls/1`);
    const since = new Date(Date.parse(prBefore.updated_at) + 1000).toISOString();
    await nextSecond(Date.parse(prBefore.updated_at)); // updated_at has second precision, as in Gitea
    writeFileSync(path.join(clone, "rfcs", "first.md"), "# First, pushed directly\n");
    gitIn(clone, "commit", "-qam", "Direct push");
    gitIn(clone, "push", "-q", "origin", "rfc/first");
    const sha = gitIn(clone, "rev-parse", "HEAD");

    expect((await call("GET", `${M}/branches/rfc/first`)).commit.id).toBe(sha);
    const repoAfter = await call("GET", M);
    expect(Date.parse(repoAfter.updated_at)).toBeGreaterThan(Date.parse(repoBefore.updated_at));
    const search = await call("GET", `${API}/repos/search?sort=updated&order=desc&limit=1`);
    expect(search.data[0].full_name).toBe("rfcs/meta");
    const changed = await call("GET", `${API}/repos/issues/search?type=pulls&state=open&since=${encodeURIComponent(since)}`);
    expect(changed.map((i: { number: number }) => i.number)).toEqual([1]);
    const pr = await call("GET", `${M}/pulls/1`);
    expect(pr.head.sha).toBe(sha);
    expect(Date.parse(pr.updated_at)).toBeGreaterThan(Date.parse(prBefore.updated_at));
    expect(pr.additions).toBe(1);
  });
});
