import { execFileSync } from "node:child_process";
import { gitDirOf } from "@/forge/forge";
import { startTestForge, type TestForge } from "../../helpers/forge";

// The benchmarks' bulk repo route (POST /_forge/bulk/repos) and the in-process
// blob writes of every contents write leave real Git repositories: git itself
// finds them sound, reads the same bytes, and the API serves and extends them
// like repos made one request at a time.

const API = "/api/v1";
const b64 = (s: string) => Buffer.from(s).toString("base64");
let forge: TestForge;

const gitIn = (repo: string, args: string[]) => {
  const rec = forge.forge.store.repo("rfcs", repo)!;
  return execFileSync("git", args, { cwd: gitDirOf(forge.forge, rec), encoding: "utf8" });
};

beforeAll(async () => {
  forge = await startTestForge();
});
afterAll(() => forge?.stop());

test("bulk repos are sound Git repos with the files committed on main, readable and writable through the API", async () => {
  const files = [
    { path: "RFC.md", content: "# Bulk ü\n\nBody.\n" },
    { path: "README.md", content: "# Readme\n" },
    { path: ".rfc/metadata.yaml", content: "id: RFC-0001\n" },
    { path: "a/b/c.txt", content: "" },
  ];
  const res = await forge.admin("/bulk/repos", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ owner: "rfcs", author: { name: "Quorum Bot", email: "bot@example.com" }, repos: [1, 2].map((i) => ({ name: `bulk-${i}`, description: `Bulk ${i}`, message: `Seed ${i}`, files })) }),
  });
  expect(res.status).toBe(201);
  const made = (await res.json()) as { name: string; sha: string }[];
  expect(made.map((m) => m.name)).toEqual(["bulk-1", "bulk-2"]);

  gitIn("bulk-1", ["fsck", "--strict", "--no-dangling"]);
  expect(gitIn("bulk-1", ["rev-parse", "refs/heads/main"]).trim()).toBe(made[0].sha);
  expect(gitIn("bulk-1", ["ls-tree", "-r", "--name-only", "main"]).trim().split("\n")).toEqual([".rfc/metadata.yaml", "README.md", "RFC.md", "a/b/c.txt"]);
  expect(gitIn("bulk-1", ["log", "-1", "--format=%an <%ae>|%s", "main"]).trim()).toBe("Quorum Bot <bot@example.com>|Seed 1");

  const repo = (await (await forge.api(`${API}/repos/rfcs/bulk-2`)).json()) as { default_branch: string; description: string; empty: boolean };
  expect(repo).toMatchObject({ default_branch: "main", description: "Bulk 2", empty: false });
  const file = (await (await forge.api(`${API}/repos/rfcs/bulk-2/contents/RFC.md?ref=main`)).json()) as { content: string; sha: string };
  expect(Buffer.from(file.content, "base64").toString("utf8")).toBe(files[0].content);
  expect(file.sha).toBe(gitIn("bulk-2", ["rev-parse", "main:RFC.md"]).trim());

  const put = await forge.api(`${API}/repos/rfcs/bulk-2/contents/RFC.md`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ sha: file.sha, content: b64("# Changed\n"), message: "Edit" }) });
  expect(put.status).toBe(200);
  const written = (await put.json()) as { content: { sha: string } };
  gitIn("bulk-2", ["fsck", "--strict", "--no-dangling"]);
  expect(written.content.sha).toBe(execFileSync("git", ["hash-object", "--stdin"], { input: "# Changed\n", encoding: "utf8" }).trim());
  expect(gitIn("bulk-2", ["show", "main:RFC.md"])).toBe("# Changed\n");
});

test("a bulk repo whose name is taken is refused and nothing is made", async () => {
  const body = (names: string[]) => JSON.stringify({ owner: "rfcs", repos: names.map((name) => ({ name, message: "Seed", files: [{ path: "x", content: "x" }] })) });
  const res = await forge.admin("/bulk/repos", { method: "POST", headers: { "content-type": "application/json" }, body: body(["bulk-3", "bulk-1"]) });
  expect(res.status).toBe(422);
  expect(forge.forge.store.repo("rfcs", "bulk-3")).toBeUndefined();
  expect((await forge.api(`${API}/repos/rfcs/bulk-1/contents/x`)).status).toBe(404);
});
