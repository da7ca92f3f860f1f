import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gitDirOf } from "@/forge/forge";
import { startTestForge, type TestForge } from "../../helpers/forge";

// Contents writes edit the branch's tree in the forge's process
// (forge/tree-edit.ts) instead of a temporary index. After every write the
// commit's tree must be the one git's own index builds from the files the
// branch should now hold — nested and new directories, a rename across
// directories, a directory left empty, an executable kept executable,
// names that sort around "/" and names outside ASCII — and git must find
// the repository sound.

const API = "/api/v1";
const b64 = (s: string) => Buffer.from(s).toString("base64");
type File = { content: string; mode: "100644" | "100755" };

let forge: TestForge;
let gitDir: string;
const scratch = mkdtempSync(path.join(os.tmpdir(), "quorum-tree-edit-"));

const git = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
  execFileSync("git", args, { cwd: gitDir, encoding: "utf8", input: opts.input, env: { ...process.env, GIT_DIR: gitDir, GIT_CONFIG_GLOBAL: "/dev/null", ...opts.env } }).trim();

/** The tree git's index writes for exactly these files. */
function treeGitWrites(files: Map<string, File>): string {
  const env = { GIT_INDEX_FILE: path.join(scratch, `index-${Math.random().toString(36).slice(2)}`) };
  git(["read-tree", "--empty"], { env });
  for (const [p, f] of files) {
    const blob = git(["hash-object", "-w", "--stdin"], { input: f.content });
    git(["update-index", "--add", "--cacheinfo", `${f.mode},${blob},${p}`], { env });
  }
  return git(["write-tree"], { env });
}

async function write(method: string, route: string, body: object, repo = "tree"): Promise<string> {
  const res = await forge.api(`${API}/repos/rfcs/${repo}/contents${route}`, { method, body: JSON.stringify(body) });
  const json = (await res.json()) as { commit: { sha: string } };
  if (res.status >= 300) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
  return json.commit.sha;
}

const blobSha = (p: string) => git(["rev-parse", `main:${p}`]);

async function newRepo(name: string): Promise<void> {
  const res = await forge.api(`${API}/orgs/rfcs/repos`, { method: "POST", body: JSON.stringify({ name }) });
  expect(res.status).toBe(201);
  gitDir = gitDirOf(forge.forge, forge.forge.store.repo("rfcs", name)!);
}

beforeAll(async () => {
  forge = await startTestForge();
});
afterAll(async () => {
  await forge?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

test("every contents write leaves the tree git's index would write, in a sound repository", async () => {
  await newRepo("tree");
  const files = new Map<string, File>();
  const expectTree = (commit: string) => {
    expect(git(["rev-parse", `${commit}^{tree}`])).toBe(treeGitWrites(files));
    git(["fsck", "--strict", "--no-dangling"]);
  };
  const put = (p: string, content: string, mode: File["mode"] = "100644") => files.set(p, { content, mode });

  // Into the empty repo: nested directories, names sorting around "/", a space and non-ASCII.
  const created = ["docs/a/b.md", "docs/c.md", "top.md", "sort/a.b", "sort/a/x", "sort/a-b", "sort/a0", "z y/ü.md"];
  let sha = await write("POST", "", { files: created.map((p) => ({ operation: "create", path: p, content: b64(`# ${p}\n`) })), message: "Seed" });
  created.forEach((p) => put(p, `# ${p}\n`));
  expectTree(sha);

  // An executable pushed by git itself stays executable when the API updates it.
  const env = { GIT_INDEX_FILE: path.join(scratch, "push-index"), GIT_AUTHOR_NAME: "P", GIT_AUTHOR_EMAIL: "p@example.com", GIT_COMMITTER_NAME: "P", GIT_COMMITTER_EMAIL: "p@example.com" };
  git(["read-tree", "main"], { env });
  git(["update-index", "--add", "--cacheinfo", `100755,${git(["hash-object", "-w", "--stdin"], { input: "#!/bin/sh\n" })},bin/run.sh`], { env });
  const pushed = git(["commit-tree", git(["write-tree"], { env }), "-p", "main", "-m", "Add a script"], { env });
  git(["update-ref", "refs/heads/main", pushed]);
  sha = await write("PUT", "/bin/run.sh", { content: b64("#!/bin/sh\necho hi\n"), sha: blobSha("bin/run.sh"), message: "Edit the script" });
  put("bin/run.sh", "#!/bin/sh\necho hi\n", "100755");
  expectTree(sha);
  expect(git(["ls-tree", "main", "bin/run.sh"])).toMatch(/^100755 blob /);

  // A rename across directories empties docs/a: it leaves the tree.
  sha = await write("PUT", "/moved/deep/b.md", { content: b64("# moved\n"), sha: blobSha("docs/a/b.md"), from_path: "docs/a/b.md" });
  files.delete("docs/a/b.md");
  put("moved/deep/b.md", "# moved\n");
  expectTree(sha);
  expect(git(["ls-tree", "main", "docs/"])).not.toContain("docs/a");

  // Deleting the last file of docs removes docs; several operations in one commit.
  sha = await write("POST", "", {
    files: [
      { operation: "delete", path: "docs/c.md", sha: blobSha("docs/c.md") },
      { operation: "update", path: "sort/a/x", content: b64("x2\n"), sha: blobSha("sort/a/x") },
      { operation: "create", path: "sort/a/y", content: b64("y\n") },
    ],
  });
  files.delete("docs/c.md");
  put("sort/a/x", "x2\n");
  put("sort/a/y", "y\n");
  expectTree(sha);
  expect(git(["ls-tree", "--name-only", "main"]).split("\n")).not.toContain("docs");

  // Untouched subtrees are the very same objects.
  expect(git(["rev-parse", `${sha}:z y`])).toBe(git(["rev-parse", `${sha}~1:z y`]));
});

test("a write that would put a file under a file, or over a directory, is refused and moves nothing", async () => {
  await newRepo("refuse");
  await write("POST", "", { files: ["top.md", "sort/a/x"].map((p) => ({ operation: "create", path: p, content: b64(p) })) }, "refuse");
  const head = git(["rev-parse", "main"]);
  const under = await forge.api(`${API}/repos/rfcs/refuse/contents/top.md/inner.md`, { method: "POST", body: JSON.stringify({ content: b64("x") }) });
  expect(under.status).toBe(422);
  expect(((await under.json()) as { message: string }).message).toContain("a file exists where you're trying to create a subdirectory [path: top.md]");
  const over = await forge.api(`${API}/repos/rfcs/refuse/contents/sort/a`, { method: "POST", body: JSON.stringify({ content: b64("x") }) });
  expect(over.status).toBe(422);
  expect(((await over.json()) as { message: string }).message).toContain("a directory exists where you're trying to create a file [path: sort/a]");
  const missing = await forge.api(`${API}/repos/rfcs/refuse/contents/nope/x.md`, { method: "DELETE", body: JSON.stringify({ sha: "0".repeat(40) }) });
  expect(missing.status).toBe(404);
  expect(git(["rev-parse", "main"])).toBe(head);
});
