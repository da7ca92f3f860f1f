import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import { blockRanges, changedLineStats, createMarkdownDocument } from "@/lib/markdown";
import { splitLines } from "@/lib/markdown/line-stats";
import { type EditTarget, oneWordEdit } from "@/lib/markdown/sample-edits";

// §8 on 64 real RFCs (tests/fixtures/markdown): a no-op save changes no byte, and a
// one-word edit changes only the edited block's lines — nearly always one line.

const files = corpusFiles();
const read = readCorpusFile;
const SEEDS = [0, 1, 2, 3, 4];

describe("corpus round trip", () => {
  it("has the corpus", () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)("%s: a no-op save gives back the same bytes", (file) => {
    const source = read(file);
    const md = createMarkdownDocument(source);
    expect(md.save(md.doc)).toBe(source);
  });

  // Per file: every edit stays inside its block. Counted across files: the share of single-line diffs.
  const count: Record<EditTarget, { edits: number; singleLine: number }> = {
    paragraph: { edits: 0, singleLine: 0 },
    listItem: { edits: 0, singleLine: 0 },
    tableCell: { edits: 0, singleLine: 0 },
  };

  it.each(files)("%s: one-word edits in a paragraph, list item and table cell change only that block", (file) => {
    const source = read(file);
    const md = createMarkdownDocument(source);
    const ranges = blockRanges(source);
    const before = splitLines(source);
    for (const target of Object.keys(count) as EditTarget[]) {
      for (const seed of SEEDS) {
        const edit = oneWordEdit(md.doc, target, seed);
        if (!edit) break;
        const saved = md.save(edit.doc);
        const after = splitLines(saved);
        const { startLine, endLine } = ranges[edit.blockIndex];
        const tail = before.length - endLine;
        const where = `${target} "${edit.word}" in lines ${startLine}-${endLine}`;
        expect({ where, head: after.slice(0, startLine - 1) }).toEqual({ where, head: before.slice(0, startLine - 1) });
        expect({ where, tail: after.slice(after.length - tail) }).toEqual({ where, tail: before.slice(endLine) });
        const { added, removed } = changedLineStats(source, saved);
        count[target].edits++;
        if (added === 1 && removed === 1) count[target].singleLine++;
      }
    }
  });

  it("≥95 % of those edits change a single line, for each kind of block", () => {
    for (const target of Object.keys(count) as EditTarget[]) {
      const { edits, singleLine } = count[target];
      expect({ target, enough: edits > 0 }).toEqual({ target, enough: true });
      expect({ target, share: singleLine / edits >= 0.95 }).toEqual({ target, share: true });
    }
  });
});
