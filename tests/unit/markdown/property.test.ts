import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import type { JSONContent } from "@tiptap/core";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { createMarkdownDocument, markdownSchema } from "@/lib/markdown";

// Whatever the edit, the saved Markdown must mean the edited document: it
// parses back to the same nodes. Whitespace at text edges is compared loosely
// (Markdown cannot hold a paragraph's leading space). Seeded, so reproducible.

const files = corpusFiles();

function random(seed: number) {
  let s = seed;
  return (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % n);
}

const loose = (n: JSONContent): JSONContent =>
  n.type === "text" ? { ...n, text: (n.text ?? "").replace(/\s+/g, " ").trim() } : n.content ? { ...n, content: n.content.map(loose) } : n;
const meaning = (doc: JSONContent) =>
  JSON.stringify((doc.content ?? []).filter((n) => n.type !== "paragraph" || n.content?.length).map(loose)).replace(/\{"type":"text","text":""\},?/g, "");

const EDITS: Array<[string, (s: EditorState, at: number, rnd: (n: number) => number) => Transaction]> = [
  ["type a word", (s, at) => s.tr.insertText("quorum", at)],
  ["delete a few characters", (s, at, rnd) => s.tr.delete(at, Math.min(s.doc.resolve(at).end(), at + 1 + rnd(8)))],
  ["press Enter", (s, at) => s.tr.split(at)],
  ["delete a block", (s, at) => {
    const top = s.doc.resolve(at).before(1);
    return s.tr.delete(top, top + s.doc.child(s.doc.resolve(at).index(0)).nodeSize);
  }],
];

describe("saved Markdown parses back to the edited document", () => {
  it.each(files)("%s", (file) => {
    const source = readCorpusFile(file);
    const md = createMarkdownDocument(source);
    const rnd = random(file.length * 7919);
    const state = EditorState.create({ schema: markdownSchema(), doc: markdownSchema().nodeFromJSON(md.doc) });
    const positions: number[] = [];
    state.doc.descendants((node, pos) => {
      if (node.isText) for (let i = 0; i <= node.text!.length; i++) positions.push(pos + i);
    });
    for (const [name, edit] of EDITS) {
      const next = state.apply(edit(state, positions[rnd(positions.length)], rnd)).doc;
      const back = createMarkdownDocument(md.save(next)).doc;
      expect({ edit: name, doc: meaning(back) }).toEqual({ edit: name, doc: meaning(next.toJSON()) });
    }
  });
});
