import type { JSONContent } from "@tiptap/core";
import { marked } from "marked";
import { blockRanges, changedLineStats, createMarkdownDocument, sourceRangeToDoc } from "@/lib/markdown";
import { markdownSchema } from "@/lib/markdown/extensions";
import { paragraph, replaceText, splitAfter, toggleMark, wordsThroughSourceRanges } from "./edit-helpers";

// Edits inside lists and tables splice per item / row (MARKDOWN.md), mark
// changes and paragraph splits stay inside their block, and the helpers the
// RFC view uses (block ranges, line stats, position mapping) agree with the model.

const item = (text: string): JSONContent => ({ type: "listItem", content: [paragraph(text)] });
const withChildren = (doc: JSONContent, index: number, f: (kids: JSONContent[]) => JSONContent[]): JSONContent => ({
  ...doc,
  content: doc.content!.map((n, i) => (i === index ? { ...n, content: f(n.content ?? []) } : n)),
});

describe("lists", () => {
  it("adds an item to a tight list with the list's own bullet, other items untouched", () => {
    const md = createMarkdownDocument("* a\n* b  \n* c\n");
    const doc = withChildren(md.doc, 0, (kids) => [kids[0], item("new"), ...kids.slice(1)]);
    expect(md.save(doc)).toBe("* a\n* new\n* b  \n* c\n");
  });

  it("appends an item to a loose list with a blank line", () => {
    const md = createMarkdownDocument("- one\n\n- two\n\nafter\n");
    expect(md.save(withChildren(md.doc, 0, (kids) => [...kids, item("three")]))).toBe("- one\n\n- two\n\n- three\n\nafter\n");
  });

  it("numbers a new ordered item after the previous one", () => {
    const md = createMarkdownDocument("7. seven\n8. eight\n");
    expect(md.save(withChildren(md.doc, 0, (kids) => [...kids, item("nine")]))).toBe("7. seven\n8. eight\n9. nine\n");
  });

  it("removes an item and nothing else", () => {
    const md = createMarkdownDocument("- a\n- b\n  - nested\n- c\n");
    expect(md.save(withChildren(md.doc, 0, (kids) => [kids[0], kids[2]]))).toBe("- a\n- c\n");
    expect(md.save(withChildren(md.doc, 0, (kids) => kids.slice(0, 2)))).toBe("- a\n- b\n  - nested\n");
  });

  it("edits two items at once, each on its own line", () => {
    const md = createMarkdownDocument("- alpha one\n- beta\n- gamma two\n");
    const doc = replaceText(replaceText(md.doc, "one", "1"), "two", "2");
    expect(md.save(doc)).toBe("- alpha 1\n- beta\n- gamma 2\n");
  });
});

describe("tables", () => {
  const table = "| Name | Value |\n|------|------:|\n| a    |     1 |\n| b    |     2 |\n";

  it("edits two cells in different rows, other rows keep their padding", () => {
    const md = createMarkdownDocument(table);
    const saved = md.save(replaceText(replaceText(md.doc, "1", "10"), "2", "20"));
    expect(saved).toBe("| Name | Value |\n|------|------:|\n| a    |     10 |\n| b    |     20 |\n");
  });

  it("adds and removes a row", () => {
    const md = createMarkdownDocument(table);
    const [header, rowA, rowB] = md.doc.content![0].content!;
    const added = md.save(withChildren(md.doc, 0, () => [header, rowA, rowA, rowB]));
    expect(changedLineStats(table, added)).toEqual({ added: 1, removed: 0 });
    expect(md.save(withChildren(md.doc, 0, () => [header, rowB]))).toBe("| Name | Value |\n|------|------:|\n| b    |     2 |\n");
  });
});

describe("formatting and structure edits", () => {
  it("bolding a word changes only its line", () => {
    const source = "first line\nsecond word line\nthird line\n\nnext\n";
    const md = createMarkdownDocument(source);
    const saved = md.save(toggleMark(md.doc, "word", "bold"));
    expect(changedLineStats(source, saved)).toEqual({ added: 1, removed: 1 });
    expect(createMarkdownDocument(saved).doc).toEqual(markdownSchema().nodeFromJSON(toggleMark(md.doc, "word", "bold")).toJSON());
  });

  it("pressing Enter inside a paragraph makes two paragraphs", () => {
    const md = createMarkdownDocument("# T\n\nfirst half. second half\n\nend\n");
    // The space before the cursor stays with the first paragraph, as in the editor.
    expect(md.save(splitAfter(md.doc, "first half. "))).toBe("# T\n\nfirst half. \n\nsecond half\n\nend\n");
    expect(md.save(splitAfter(md.doc, "first half."))).toBe("# T\n\nfirst half.\n\n second half\n\nend\n");
  });

  it("changing a heading level rewrites only that heading", () => {
    const md = createMarkdownDocument("# A\n\ntext\n\n## B\n");
    const doc = { ...md.doc, content: md.doc.content!.map((n, i) => (i === 2 ? { ...n, attrs: { level: 3 } } : n)) };
    expect(md.save(doc)).toBe("# A\n\ntext\n\n### B\n");
  });
});

describe("helpers for the RFC view", () => {
  it("blockRanges gives each editor block its source offsets and lines", () => {
    const source = "# T\n\npara\nwrapped\n\n[d]: x\n\n- a\n- b";
    const ranges = blockRanges(source);
    expect(ranges.map((r) => source.slice(r.start, r.end))).toEqual(["# T", "para\nwrapped", "- a\n- b"]);
    expect(ranges.map((r) => [r.startLine, r.endLine])).toEqual([[1, 1], [3, 4], [8, 9]]);
    expect(ranges).toHaveLength(createMarkdownDocument(source).doc.content!.length);
  });

  it("changedLineStats counts added and removed lines", () => {
    expect(changedLineStats("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual({ added: 2, removed: 1 });
    expect(changedLineStats("same", "same")).toEqual({ added: 0, removed: 0 });
    expect(changedLineStats("", "x\n")).toEqual({ added: 1, removed: 0 });
  });

  it("sourceRangeToDoc finds a word's editor positions through markup and CRLF", () => {
    const source = "# Title\r\n\r\nSome **bold word** and [a link](https://x) here.\r\n";
    const words = ["Title", "bold word", "a link", "here"];
    expect(wordsThroughSourceRanges(source, words)).toEqual(words);
    expect(sourceRangeToDoc(createMarkdownDocument(source), source.indexOf("https"), source.indexOf(")"))).toBeNull();
  });

  it("never registers anything on the global marked instance (MARKDOWN.md pitfall)", () => {
    createMarkdownDocument("text with <b>html</b>\n\n| a |\n|---|\n| b |\n");
    expect(marked.defaults.extensions).toBeNull();
    expect(marked.defaults.tokenizer).toBeNull();
  });
});
