import { captureParagraph, resolveParagraph, type Block } from "@/lib/anchors";

// Blocks as lib/markdown reports them: offsets of each top-level block. Here
// paragraphs separated by blank lines, which is all these tests need.
function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const doc = "# Title\n\nFirst paragraph.\n\nSecond paragraph,\nwrapped.\n\nThird.\n";

describe("paragraph anchors (§8.12)", () => {
  const anchor = captureParagraph(doc, blocksOf(doc), 2)!;

  it("captures the block's index and text", () => {
    expect(anchor).toEqual({ blockIndex: 2, blockText: "Second paragraph,\nwrapped." });
  });

  it("resolves in place", () => {
    const r = resolveParagraph(doc, blocksOf(doc), anchor);
    expect(r.state === "attached" && doc.slice(r.start, r.end)).toBe("Second paragraph,\nwrapped.");
  });

  it("follows a block that moved", () => {
    const moved = "# Title\n\nNew intro.\n\nFirst paragraph.\n\nAnother.\n\nSecond paragraph,\nwrapped.\n";
    const r = resolveParagraph(moved, blocksOf(moved), anchor);
    expect(r.state === "attached" && moved.slice(r.start, r.end)).toBe("Second paragraph,\nwrapped.");
  });

  it("survives re-wrapping", () => {
    const rewrapped = doc.replace("Second paragraph,\nwrapped.", "Second paragraph, wrapped.");
    expect(resolveParagraph(rewrapped, blocksOf(rewrapped), anchor).state).toBe("attached");
  });

  it("is detached when the block's text changed, never pinned to the block now at its index", () => {
    const changed = doc.replace("Second paragraph", "2nd paragraph");
    expect(resolveParagraph(changed, blocksOf(changed), anchor)).toEqual({ state: "detached" });
  });

  it("is detached when the block was deleted", () => {
    const deleted = doc.replace("Second paragraph,\nwrapped.\n\n", "");
    expect(resolveParagraph(deleted, blocksOf(deleted), anchor)).toEqual({ state: "detached" });
  });
});
