import { changeFiles, readFile } from "@/lib/gitea";
import { useAppEnv } from "../../helpers/app-env";
import { startTestForge, type TestForge } from "../../helpers/forge";

// readFile reads a file's bytes through the raw endpoint and names its blob
// as Git does (issue 15: Gitea's contents API would also search the file's
// last commit). The sha must be the one the contents API gives, whatever the
// bytes: a contents write names the version it replaces by it.

const META = { owner: "rfcs", repo: "meta" };

let forge: TestForge;
beforeAll(async () => {
  forge = await startTestForge();
  useAppEnv(forge);
});
afterAll(() => forge?.stop());

const contentsSha = async (path: string) =>
  ((await (await forge.api(`/api/v1/repos/rfcs/meta/contents/${path}?ref=main`)).json()) as { sha: string }).sha;

it("gives the text and the contents API's blob sha, for any bytes", async () => {
  const files = {
    "notes/plain.md": Buffer.from("# Plain\n\nText.\n"),
    "notes/unicode.md": Buffer.from("Ünïcödé — 漢字 🙂\r\nCRLF line\r\n"),
    "notes/latin1.md": Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), // "café" in Latin-1: not UTF-8
    "notes/empty.md": Buffer.alloc(0),
  };
  await changeFiles(META, {
    branch: "main",
    message: "Notes",
    files: Object.entries(files).map(([path, bytes]) => ({ operation: "create" as const, path, content: bytes.toString("base64") })),
  });
  for (const [path, bytes] of Object.entries(files)) {
    const file = await readFile(META, path, "main");
    expect(file).not.toBeNull();
    expect(file!.sha).toBe(await contentsSha(path));
    expect(file!.text).toBe(bytes.toString("utf8"));
  }
});

it("answers null for a file or ref that does not exist, and for a folder", async () => {
  expect(await readFile(META, "notes/missing.md", "main")).toBeNull();
  expect(await readFile(META, "notes/plain.md", "no-such-branch")).toBeNull();
  expect(await readFile(META, "notes", "main")).toBeNull();
});
