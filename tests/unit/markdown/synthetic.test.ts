import { createMarkdownDocument } from "@/lib/markdown";
import { deleteBlock, insertBlock, paragraph, replaceText } from "./edit-helpers";

// §8 on small hand-written documents: each case is loaded, saved without an
// edit (must be byte-identical), then edited once through the document model.

const noop = (source: string) => {
  const md = createMarkdownDocument(source);
  return md.save(md.doc);
};
const edited = (source: string, search: string, replacement: string, nth = 0) => {
  const md = createMarkdownDocument(source);
  return md.save(replaceText(md.doc, search, replacement, nth));
};

describe("no-op save", () => {
  it.each([
    ["CRLF line ends", "# Title\r\n\r\nOne paragraph\r\nwrapped.\r\n\r\n- a\r\n- b\r\n"],
    ["mixed line ends", "A\r\n\r\nB\n\nC\r\n"],
    ["no final newline", "# Title\n\nLast paragraph"],
    ["trailing whitespace", "Hard break  \nnext line \n\nPara   \n\n   \n"],
    ["reference links", "See [the docs][docs], [Rust] and [x][].\n\n[docs]: https://docs.rs\n[Rust]: https://rust-lang.org 'Rust'\n[x]: <https://x.y>\n"],
    ["HTML comments and blocks", "<!-- hidden -->\n\nText <br> more <sup>1</sup>\n\n<details>\n<summary>S</summary>\n\nBody\n\n</details>\n"],
    ["nested lists", "- a\n  - b\n    * c\n  - d\n- e\n"],
    ["loose lists", "- one\n\n- two\n\n  para in two\n\n- three\n"],
    ["ordered list from 7", "7. seven\n8. eight\n9) nine\n"],
    ["table with alignment", "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n|x|y|z|\n"],
    ["fenced and indented code", "```rust\nfn main() {}\n```\n\n~~~\ntilde\n~~~\n\n    indented\n    code\n"],
    ["setext headings", "Title\n=====\n\nSub\n---\n\ntext\n"],
    ["many blank lines", "A\n\n\n\nB\n\n\n"],
    ["escapes, entities, inline code", "a \\* b &amp; c &lt;d&gt; `` `x` `` &copy; _e_ __f__\n"],
    ["blockquote and rule", "> quoted\n> more\n\n***\n\n> - list in quote\n"],
    ["images and autolinks", "![alt](img.png \"t\") and https://example.com and <mailto:a@b.c>\n"],
    ["empty document", ""],
    ["only blank lines", "\n\n\n"],
    ["only a link definition", "[a]: https://a\n"],
    ["leading blank lines and spaces", "\n\n   indented para\n"],
    ["a repeated link definition (marked drops it from its tokens)", "a\n\n[r]: https://1\n\n[r]: https://2\n\nb\n"],
    ["a paragraph with nothing to show", "[]()\n\ntext\n"],
  ])("%s", (_name, source) => {
    expect(noop(source)).toBe(source);
  });

  it("does not show HTML comments (they render as nothing) but keeps them", () => {
    const md = createMarkdownDocument("<!-- note -->\n\nText\n\n<!-- a -->\n<!-- b -->\n\n<div>shown</div>\n");
    expect(md.doc.content?.map((n) => n.type)).toEqual(["paragraph", "htmlBlock"]);
    expect(md.save(deleteBlock(md.doc, 0))).toBe("<!-- note -->\n\n<!-- a -->\n<!-- b -->\n\n<div>shown</div>\n");
  });

  it("does not turn blank lines into empty paragraphs", () => {
    const md = createMarkdownDocument("A\n\n\n\nB\n");
    expect(md.doc.content?.map((n) => n.type)).toEqual(["paragraph", "paragraph"]);
  });

  it("shows reference links as links and keeps the blocks' count", () => {
    const md = createMarkdownDocument("See [Rust].\n\n[Rust]: https://rust-lang.org\n");
    expect(md.doc.content).toHaveLength(1);
    expect(JSON.stringify(md.doc)).toContain('"href":"https://rust-lang.org"');
  });
});

describe("one edit changes only its own line", () => {
  it.each([
    ["CRLF", "# Title\r\n\r\nOne word here.\r\nNext line.\r\n", "word", "term", "# Title\r\n\r\nOne term here.\r\nNext line.\r\n"],
    ["no final newline", "A\n\nLast word", "word", "term", "A\n\nLast term"],
    ["reference link text keeps its label", "See [Rust] now.\n\n[Rust]: https://r\n", "Rust", "Ferris", "See [Ferris][Rust] now.\n\n[Rust]: https://r\n"],
    ["text beside a reference link", "See [the docs][d] now.\n\n[d]: https://d\n", "now", "today", "See [the docs][d] today.\n\n[d]: https://d\n"],
    ["entities and escapes stay", "a &amp; b \\* word c\n", "word", "term", "a &amp; b \\* term c\n"],
    ["inline code edge spaces stay", "use `` `x` `` and word\n", "word", "term", "use `` `x` `` and term\n"],
    ["underscore emphasis stays", "_one_ word\n", "word", "term", "_one_ term\n"],
    ["nested list item", "- a\n  - b word\n  - c\n- d\n", "word", "term", "- a\n  - b term\n  - c\n- d\n"],
    ["loose list item", "- one\n\n- two word\n\n- three\n", "word", "term", "- one\n\n- two term\n\n- three\n"],
    ["ordered list from 7", "7. seven\n8. eight word\n", "word", "term", "7. seven\n8. eight term\n"],
    ["table cell, padding kept", "| a   | b |\n|:----|--:|\n| one | two |\n", "two", "zwei", "| a   | b |\n|:----|--:|\n| one | zwei |\n"],
    ["fenced code", "```\nlet word = 1;\n```\n", "word", "term", "```\nlet term = 1;\n```\n"],
    ["indented code", "Para\n\n    let word = 1;\n    next\n", "word", "term", "Para\n\n    let term = 1;\n    next\n"],
    ["setext heading", "Title word\n==========\n\ntext\n", "word", "term", "Title term\n==========\n\ntext\n"],
    ["hard-wrapped paragraph", "first line\nsecond word line\nthird line\n", "word", "term", "first line\nsecond term line\nthird line\n"],
    ["first block", "First word\n\nmiddle\n\nlast\n", "First", "Initial", "Initial word\n\nmiddle\n\nlast\n"],
    ["last block", "first\n\nmiddle\n\nlast word", "word", "term", "first\n\nmiddle\n\nlast term"],
    ["blockquote", "> quoted word\n> more\n", "word", "term", "> quoted term\n> more\n"],
    ["bold text", "some **bold word** here\n", "word", "term", "some **bold term** here\n"],
    ["typing after a link", "See [the docs](https://a.io/x.y).)\n", ".)", ".) more", "See [the docs](https://a.io/x.y).) more\n"],
  ])("%s", (_name, source, search, replacement, expected) => {
    expect(edited(source, search, replacement)).toBe(expected);
  });

  it("edits the block after a repeated link definition, not the definition", () => {
    const source = "a\n\n[r]: https://1\n\n[r]: https://2\n\nlast word\n";
    expect(edited(source, "word", "term")).toBe(source.replace("word", "term"));
  });

  it("escapes Markdown characters typed into a paragraph", () => {
    const out = edited("plain word\n", "word", "*not emphasis*");
    expect(out).toBe("plain \\*not emphasis\\*\n");
  });
});

describe("inserting and deleting blocks", () => {
  const source = "# T\n\nfirst\n\nsecond\n\n[d]: https://d\n\nthird\n";

  it("inserts a paragraph between two blocks with one blank line around it", () => {
    const md = createMarkdownDocument(source);
    expect(md.save(insertBlock(md.doc, 2, paragraph("new")))).toBe("# T\n\nfirst\n\nnew\n\nsecond\n\n[d]: https://d\n\nthird\n");
  });

  it("inserts at the start and at the end", () => {
    const md = createMarkdownDocument("a\n\nb\n");
    const doc = insertBlock(insertBlock(md.doc, 0, paragraph("start")), 3, paragraph("end"));
    expect(md.save(doc)).toBe("start\n\na\n\nb\n\nend\n");
  });

  it("deletes a middle, first and last block and keeps link definitions", () => {
    const md = createMarkdownDocument(source);
    expect(md.save(deleteBlock(md.doc, 2))).toBe("# T\n\nfirst\n\n[d]: https://d\n\nthird\n");
    expect(md.save(deleteBlock(md.doc, 0))).toBe("first\n\nsecond\n\n[d]: https://d\n\nthird\n");
    expect(md.save(deleteBlock(md.doc, 3))).toBe("# T\n\nfirst\n\nsecond\n\n[d]: https://d\n");
  });

  it("keeps paragraphs apart when the block between them goes", () => {
    const md = createMarkdownDocument("para one\n# Heading\npara two\n");
    expect(md.save(deleteBlock(md.doc, 1))).toBe("para one\n\npara two\n");
  });

  it("keeps two lists or code blocks apart when the block between them goes", () => {
    const lists = createMarkdownDocument("- a\n\npara\n\n- b\n");
    expect(lists.save(deleteBlock(lists.doc, 1))).toBe("- a\n\n<!-- -->\n\n- b\n");
    const code = createMarkdownDocument("    one\n\npara\n\n    two\n");
    expect(code.save(deleteBlock(code.doc, 1))).toBe("    one\n\n<!-- -->\n\n    two\n");
  });

  it("writes an empty heading as its marker", () => {
    const md = createMarkdownDocument("a\n");
    expect(md.save(insertBlock(md.doc, 1, { type: "heading", attrs: { level: 2 } }))).toBe("a\n\n##\n");
  });

  it("writes new blocks with the file's CRLF line ends", () => {
    const md = createMarkdownDocument("a\r\n\r\nb\r\n");
    expect(md.save(insertBlock(md.doc, 1, { type: "bulletList", content: [{ type: "listItem", content: [paragraph("x")] }] }))).toBe(
      "a\r\n\r\n- x\r\n\r\nb\r\n",
    );
  });

  it("fills an empty document", () => {
    const md = createMarkdownDocument("");
    expect(md.save(insertBlock(md.doc, 0, paragraph("hello")))).toBe("hello\n");
  });

  it("ignores empty paragraphs the editor leaves behind", () => {
    const md = createMarkdownDocument("a\n\nb\n");
    expect(md.save(insertBlock(md.doc, 1, { type: "paragraph" }))).toBe("a\n\nb\n");
  });
});
