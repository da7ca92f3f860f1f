import { giteaApi } from "gitea-js";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { waitUntil } from "../../helpers/wait";


// The app's client, gitea-js (giteaApi(url, { token }), Bearer auth), works
// against the forge unchanged.

describe("gitea-js against the forge", () => {
  let forge: TestForge;
  beforeAll(async () => {
    forge = await startTestForge();
  });
  afterAll(() => forge?.stop());

  test("reads, writes, a PR merge and errors through gitea-js", async () => {
    const api = giteaApi(forge.url, { token: forge.botToken });
    const repo = await api.repos.repoGet("rfcs", "meta");
    expect(repo.data).toMatchObject({ full_name: "rfcs/meta", default_branch: "main" });

    const created = await api.repos.repoCreateFile("rfcs", "meta", "rfcs/js.md", {
      content: Buffer.from("# via gitea-js\n").toString("base64"),
      new_branch: "rfc/js",
      message: "Add js\n\nOn-behalf-of: bob",
    });
    expect(created.status).toBe(201);
    expect(created.data.commit?.message).toBe("Add js\n\nOn-behalf-of: bob\n");

    const file = await api.repos.repoGetContents("rfcs", "meta", "rfcs/js.md", { ref: "rfc/js" });
    expect(Buffer.from(String((file.data as { content?: string }).content), "base64").toString()).toBe("# via gitea-js\n");

    const branches = await api.repos.repoListBranches("rfcs", "meta", { page: 1, limit: 50 });
    expect(branches.data.map((b) => b.name)).toEqual(["main", "rfc/js"]);
    expect(branches.headers.get("x-total-count")).toBe("2");

    const pr = await api.repos.repoCreatePullRequest("rfcs", "meta", { head: "rfc/js", base: "main", title: "JS" });
    expect(pr.data.number).toBe(1);
    // The branch was just pushed, so the PR may start "checking" (FACTS §7.2): a client waits for the check.
    const checked = await waitUntil(async () => {
      const read = await api.repos.repoGetPullRequest("rfcs", "meta", 1);
      return read.data.mergeable && read.data;
    }, { what: "PR #1 to be checked mergeable" });
    expect(checked).toMatchObject({ number: 1, mergeable: true });
    const behind = await api.repos.repoCompareDiff("rfcs", "meta", "rfc/js...main");
    expect(behind.data.total_commits).toBe(0);
    const merge = await api.repos.repoMergePullRequest("rfcs", "meta", 1, { Do: "squash", MergeTitleField: "Accept JS" });
    expect(merge.status).toBe(200);
    const all = await api.repos.repoListPullRequests("rfcs", "meta", { state: "all" });
    expect(all.data[0]).toMatchObject({ merged: true, state: "closed" });

    const search = await api.repos.issueSearchIssues({ type: "pulls", state: "closed", owner: "rfcs" });
    expect(search.data.map((i) => i.pull_request?.merged)).toEqual([true]);
    const commits = await api.repos.repoGetAllCommits("rfcs", "meta", { sha: "main", limit: 1, stat: false });
    expect(commits.data[0].commit?.message).toBe("Accept JS\n");
    const orgRepos = await api.orgs.orgListRepos("rfcs", { limit: 50 });
    expect(orgRepos.data.map((r) => r.name)).toEqual(["meta"]);

    const missing = await api.repos.repoGet("rfcs", "nope").catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, error: { message: "The target couldn't be found." } });
  });
});
