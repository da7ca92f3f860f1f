import { execFileSync } from "node:child_process";
import { gitBlobSha } from "@/lib/gitea/blob-sha";

// The local blob hash must be Git's own: checked against `git hash-object`
// on texts with multi-byte characters, CRLF, a NUL and no final newline.

const samples = ["", "hello\n", "no final newline", "Grüße — 日本語 😀\n", "a\r\nb\r\n", "nul\0inside\n", "x".repeat(70_000)];

describe("gitBlobSha", () => {
  it.each(samples.map((s, i) => [i, s]))("matches git hash-object (sample %i)", (_i, text) => {
    const git = execFileSync("git", ["hash-object", "--stdin"], { input: Buffer.from(text as string, "utf8") }).toString().trim();
    expect(gitBlobSha(text as string)).toBe(git);
  });

  it("knows the empty blob", () => {
    expect(gitBlobSha("")).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  });
});
