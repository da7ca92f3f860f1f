import { diffDocuments, similarity } from "@/lib/rfc-view/diff-blocks";
import { anchorFromSelection, occurrenceIndex, paragraphAnchor } from "@/lib/rfc-view/selection-anchor";
import { wordDiff } from "@/lib/changes/word-diff";
import { resolveRange } from "@/lib/anchors/range";

// §8.10 DiffView blocks and §8.12 anchors captured from a rendered selection.

describe("diffDocuments", () => {
  const base = "# T\n\nIntro stays.\n\nThe build is slow today.\n\nOld section.\n";
  test("unchanged, changed (word marks), removed and added blocks", () => {
    const head = "# T\n\nIntro stays.\n\nThe build is fast today.\n\nA new paragraph entirely different.\n";
    const { blocks, summary } = diffDocuments(base, head);
    expect(blocks.map((b) => b.kind)).toEqual(["same", "same", "changed", "removed", "added"]);
    expect(summary).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(blocks[2].html).toMatch(/<del[^>]*>slow<\/del><ins[^>]*>fast<\/ins>/);
  });
  test("a paragraph that became a heading shows as removed and added", () => {
    const { blocks } = diffDocuments("Hello world\n", "## Hello world\n");
    expect(blocks.map((b) => b.kind)).toEqual(["removed", "added"]);
  });
  test("identical documents have only same blocks", () => {
    expect(diffDocuments(base, base).summary).toEqual({ added: 0, removed: 0, changed: 0 });
  });
  test("similarity is 1 for equal and 0 for disjoint texts", () => {
    expect(similarity(wordDiff("a b", "a b"))).toBe(1);
    expect(similarity(wordDiff("aaa", "bbb"))).toBe(0);
  });
});

describe("anchors from a rendered selection", () => {
  const src = "# Design\n\nThe cache is **rebuildable** from Gitea at any time.\n\nThe cache is small.\n";
  const second = { start: src.indexOf("The cache is **"), end: src.indexOf("time.") + 5 };
  test("plain text selected inside a block is quoted from the source with context", () => {
    const a = anchorFromSelection(src, second, "from Gitea");
    expect(a).toMatchObject({ kind: "range", quote: "from Gitea" });
    expect(a && resolveRange(src, a)).toEqual({ state: "attached", start: src.indexOf("from Gitea"), end: src.indexOf("from Gitea") + 10 });
    expect(a?.prefix.endsWith("**rebuildable** ")).toBe(true);
  });
  test("a selection across markup maps back to the exact source span", () => {
    const a = anchorFromSelection(src, second, "is rebuildable from");
    expect(a?.quote).toBe("is **rebuildable** from");
  });
  test("repeated text picks the occurrence the user selected", () => {
    const block = { start: 0, end: src.length };
    const a = anchorFromSelection(src, block, "The cache is", 1);
    expect(a?.prefix.endsWith("time.\n\n")).toBe(true);
    expect(occurrenceIndex("Design The cache is rebuildable from Gitea at any time. ", "The cache is")).toBe(1);
  });
  test("text not in the block gives no anchor", () => {
    expect(anchorFromSelection(src, second, "nowhere to be found")).toBeNull();
    expect(anchorFromSelection(src, second, "   ")).toBeNull();
  });
  test("paragraph anchors use the server's block that holds the rendered block", () => {
    const blocks = [{ start: 0, end: 8 }, { start: 10, end: src.indexOf("time.") + 5 }];
    expect(paragraphAnchor(src, blocks, 10)).toEqual({ kind: "paragraph", blockIndex: 1, blockText: src.slice(10, blocks[1].end) });
    expect(paragraphAnchor(src, [], 0)).toBeNull();
  });
});
