import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { blockRanges, changedLineStats, createMarkdownDocument } from "@/lib/markdown";
import { splitLines } from "@/lib/markdown/line-stats";
import { type EditTarget, oneWordEdit } from "@/lib/markdown/sample-edits";

// §8 on 64 real RFCs (../shared/corpus): a no-op save changes no byte, and a
// one-word edit changes only the edited block's lines — nearly always one line.

const CORPUS = join(__dirname, "../../../../shared/corpus/markdown");
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".md")).sort();
const read = (f: string) => readFileSync(join(CORPUS, f), "utf8");
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

  it("one-word edits in paragraphs, list items and table cells change only that block, ≥95 % a single line", () => {
    const count: Record<EditTarget, { edits: number; singleLine: number }> = {
      paragraph: { edits: 0, singleLine: 0 },
      listItem: { edits: 0, singleLine: 0 },
      tableCell: { edits: 0, singleLine: 0 },
    };
    const outside: string[] = [];
    for (const file of files) {
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
          const sameOutside =
            after.slice(0, startLine - 1).join("\n") === before.slice(0, startLine - 1).join("\n") &&
            after.slice(after.length - tail).join("\n") === before.slice(endLine).join("\n");
          if (!sameOutside) outside.push(`${file} ${target} "${edit.word}"`);
          const { added, removed } = changedLineStats(source, saved);
          count[target].edits++;
          if (added === 1 && removed === 1) count[target].singleLine++;
        }
      }
    }
    expect(outside).toEqual([]);
    for (const target of Object.keys(count) as EditTarget[]) {
      const { edits, singleLine } = count[target];
      expect(edits).toBeGreaterThan(0);
      expect(singleLine / edits).toBeGreaterThanOrEqual(0.95);
    }
  });
});
