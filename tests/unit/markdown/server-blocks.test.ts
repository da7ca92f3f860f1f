import type { JSONContent } from "@tiptap/core";
import { createMarkdownDocument, editorBlocksOf } from "@/lib/markdown";
import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import { replaceText } from "./edit-helpers";

// The server sends a document with its blocks (GET …/document?editor=1,
// issue 15) and the browser loads the editor from them without parsing: the
// document it builds must be the one parsing gives, and so must every save.

/** The first word of the document's first paragraph, to edit. */
function firstWord(doc: JSONContent): string | null {
  for (const node of doc.content ?? []) {
    const text = node.type === "paragraph" ? node.content?.find((c) => c.type === "text" && !c.marks?.length)?.text : undefined;
    const word = text?.match(/[A-Za-z]{4,}/)?.[0];
    if (word) return word;
  }
  return null;
}

test.each(corpusFiles())("%s: loaded from the server's blocks, the same document and the same saves", (name) => {
  const source = readCorpusFile(name);
  const parsed = createMarkdownDocument(source);
  // Through JSON, as the blocks travel.
  const given = createMarkdownDocument(source, JSON.parse(JSON.stringify(editorBlocksOf(source))));
  expect(given.doc).toEqual(parsed.doc);
  expect(given.split).toEqual(parsed.split);
  expect(given.save(given.doc)).toBe(source);
  const word = firstWord(parsed.doc);
  if (!word) return;
  const edited = replaceText(parsed.doc, word, `${word} edited`);
  expect(given.saveWithReport(edited)).toEqual(parsed.saveWithReport(edited));
});

test("CRLF text and reference links: the server's blocks give the same document and saves", () => {
  const source = "# Title\r\n\r\nSee [the spec][s] and [more][s].\r\n\r\n- one\r\n- two\r\n\r\n[s]: https://example.com/spec\r\n";
  const parsed = createMarkdownDocument(source);
  const given = createMarkdownDocument(source, editorBlocksOf(source));
  expect(given.split).toEqual(parsed.split);
  const edited = replaceText(parsed.doc, "See", "Read");
  const out = given.save(edited);
  expect(out).toBe(parsed.save(edited));
  expect(out).toBe(source.replace("See", "Read"));
});

test("blocks that cannot be the source's are ignored: the document is parsed", () => {
  const source = "# One\n\nTwo words.\n";
  const parsed = createMarkdownDocument(source);
  const blocks = editorBlocksOf(source);
  const bad = [
    [...blocks].reverse(), // out of order
    [{ ...blocks[0], end: source.length + 10 }], // outside it
    [{ ...blocks[0], end: blocks[0].start }], // empty
    [{ start: 0, end: 3, node: {} as JSONContent }], // no node
  ];
  for (const b of bad) expect(createMarkdownDocument(source, b).doc).toEqual(parsed.doc);
});
