import { parseEntry } from "@/lib/entries";
import { HAND_WRITTEN } from "./fixtures";

describe("parseEntry", () => {
  it("reads every §3 field, the unknown keys and the exact body", () => {
    const res = parseEntry(HAND_WRITTEN);
    if (!res.ok) throw new Error(res.reason);
    expect(res.entry).toMatchObject({
      slug: "streaming-sync",
      title: "Streaming sync: a proposal",
      state: "super-draft",
      id: "",
      repo: "",
      proposedBy: "alice",
      proposedAt: "2025-03-01T10:00:00Z",
      owners: ["alice", "bob"],
      arbiters: [],
      tags: ["sync", "protocol"],
      extra: { review_board: { chair: "dave", quorum: 3 } },
    });
    expect(res.entry.body).toBe("# Streaming sync\n\nWhy we need it.\n\n- one\n- two\n");
  });

  it.each([
    { name: "no frontmatter", text: "# Just markdown\n", reason: /no YAML frontmatter/ },
    { name: "unclosed fence", text: "---\nslug: a\ntitle: A\n", reason: /no YAML frontmatter/ },
    { name: "broken YAML", text: "---\nslug: [a\n---\n", reason: /not valid YAML/ },
    { name: "a list, not a mapping", text: "---\n- a\n---\n", reason: /not a mapping/ },
    { name: "bad slug", text: "---\nslug: Bad Slug\ntitle: T\nstate: active\n---\n", reason: /slug/ },
    { name: "unknown state", text: "---\nslug: a\ntitle: T\nstate: idea\n---\n", reason: /state/ },
    { name: "missing title", text: "---\nslug: a\nstate: active\n---\n", reason: /title/ },
    { name: "owners not a list", text: "---\nslug: a\ntitle: T\nstate: active\nowners: {x: 1}\n---\n", reason: /owners/ },
    { name: "empty text", text: "", reason: /no YAML frontmatter/ },
  ])("reports $name without throwing", ({ text, reason }) => {
    const res = parseEntry(text);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.reason).toMatch(reason);
  });

  it("accepts CRLF files and a frontmatter-only entry", () => {
    const res = parseEntry("---\r\nslug: a\r\ntitle: T\r\nstate: active\r\n---\r\n");
    expect(res.ok && res.entry.body).toBe("");
    const bare = parseEntry("---\nslug: a\ntitle: T\nstate: active\n---");
    expect(bare.ok && bare.entry.state).toBe("active");
  });
});
