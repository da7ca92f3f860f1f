import { execFileSync } from "node:child_process";
import path from "node:path";
import { startTestForge, type TestForge } from "../../helpers/forge";


// Pagination (FACTS §5): `limit` defaults to 30 and is silently clamped to
// 50; X-Total-Count and an absolute Link; /commits adds X-Page & co.

const M = "/api/v1/repos/rfcs/meta";

describe("forge pagination", () => {
  let forge: TestForge;
  const git = (input: string, ...args: string[]) =>
    execFileSync("git", args, { cwd: path.join(forge.dataDir, "rfcs", "meta.git"), input, encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } }).trim();

  beforeAll(async () => {
    forge = await startTestForge();
    // 55 extra branches plus `long`, a 60-commit history, written with the git CLI (fast).
    git(Array.from({ length: 55 }, (_, i) => `create refs/heads/b-${String(i).padStart(2, "0")} main\n`).join(""), "update-ref", "--stdin");
    const start = git("", "rev-parse", "main");
    const tree = git("", "rev-parse", "main^{tree}");
    const env = "GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@x GIT_COMMITTER_NAME=a GIT_COMMITTER_EMAIL=a@x";
    const script = Array.from({ length: 58 }, (_, i) => `p=$(echo "c${i}" | env ${env} git commit-tree ${tree} -p $p); `).join("");
    execFileSync("sh", ["-c", `p=${start}; ${script} git update-ref refs/heads/long $p`], { cwd: path.join(forge.dataDir, "rfcs", "meta.git") });
  });
  afterAll(() => forge?.stop());

  test("limit is clamped to 50 with X-Total-Count and an absolute Link", async () => {
    const res = await forge.api(`${M}/branches?limit=100`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(50);
    expect(res.headers.get("x-total-count")).toBe("57");
    const link = res.headers.get("link")!;
    expect(link).toContain(`<${forge.url}${M}/branches?limit=100&page=2>; rel="next"`);
    expect(link).toContain(`<${forge.url}${M}/branches?limit=100&page=2>; rel="last"`);
    expect(link).not.toContain('rel="prev"');
  });

  test("the last page has first/prev and no next", async () => {
    const res = await forge.api(`${M}/branches?limit=50&page=2`);
    expect(await res.json()).toHaveLength(7);
    const link = res.headers.get("link")!;
    expect(link).toContain('rel="first"');
    expect(link).toContain(`<${forge.url}${M}/branches?limit=50&page=1>; rel="prev"`);
    expect(link).not.toContain('rel="next"');
  });

  test.each(["", "?limit=0", "?limit=-3", "?limit=abc", "?page=0"])("default page size 30 (%s)", async (q) => {
    const res = await forge.api(`${M}/branches${q}`);
    expect(await res.json()).toHaveLength(30);
  });

  test("commits add X-Page, X-PerPage, X-Total, X-PageCount, X-HasMore", async () => {
    const res = await forge.api(`${M}/commits?sha=long&limit=70&stat=false&files=false&verification=false`);
    const body = await res.json();
    expect(body).toHaveLength(50);
    expect(body[0].commit.message).toBe("c57\n");
    expect(body[0].stats).toBeNull();
    expect({
      page: res.headers.get("x-page"),
      perPage: res.headers.get("x-perpage"),
      total: res.headers.get("x-total"),
      pageCount: res.headers.get("x-pagecount"),
      hasMore: res.headers.get("x-hasmore"),
      totalCount: res.headers.get("x-total-count"),
    }).toEqual({ page: "1", perPage: "50", total: "60", pageCount: "2", hasMore: "true", totalCount: "60" });
    const last = await forge.api(`${M}/commits?sha=long&limit=50&page=2`);
    expect(await last.json()).toHaveLength(10);
    expect(last.headers.get("x-hasmore")).toBe("false");
  });
});
