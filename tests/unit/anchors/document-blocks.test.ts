import { blockRanges } from "@/lib/markdown";
import { documentBlocks } from "@/lib/threads/blocks";

// One view asks for the same text's blocks from several places (threads
// placed in it, paragraph anchors, the editor's highlights): one parse.

const a = "# Title\n\nFirst paragraph.\n\n- one\n- two\n";
const b = "# Title\n\nAnother first paragraph.\n";

describe("documentBlocks", () => {
  it("gives the editor's block split of a text", () => {
    expect(documentBlocks(a)).toEqual(blockRanges(a).map((r) => ({ start: r.start, end: r.end })));
    expect(documentBlocks(b)).toEqual(blockRanges(b).map((r) => ({ start: r.start, end: r.end })));
  });

  it("parses a text once while it is the one asked for, and again after another text", () => {
    const first = documentBlocks(a);
    expect(documentBlocks(a.slice())).toBe(first); // an equal string, not only the same one
    const other = documentBlocks(b);
    expect(other).not.toBe(first);
    expect(documentBlocks(a)).not.toBe(first);
    expect(documentBlocks(a)).toEqual(first);
  });

  it("hands out blocks no caller can change for the next one", () => {
    const blocks = documentBlocks(a);
    expect(Object.isFrozen(blocks)).toBe(true);
    expect(Object.isFrozen(blocks[0])).toBe(true);
  });
});
