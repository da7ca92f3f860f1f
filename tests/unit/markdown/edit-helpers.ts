import type { JSONContent } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { createMarkdownDocument, markdownSchema, sourceRangeToDoc } from "@/lib/markdown";

// Edits made the way the editor makes them: ProseMirror transactions on the
// document model (no DOM).

function apply(doc: JSONContent, edit: (state: EditorState) => EditorState["tr"]): JSONContent {
  const state = EditorState.create({ schema: markdownSchema(), doc: markdownSchema().nodeFromJSON(doc) });
  return state.apply(edit(state)).doc.toJSON();
}

/** Replace the `nth` occurrence of `search` in the document's text (typing over it). */
export function replaceText(doc: JSONContent, search: string, replacement: string, nth = 0): JSONContent {
  const from = textPosition(doc, search, nth);
  const to = from + search.length;
  return apply(doc, (state) => (replacement ? state.tr.insertText(replacement, from, to) : state.tr.delete(from, to)));
}

/** Add or remove a mark on the `nth` occurrence of `search`. */
export function toggleMark(doc: JSONContent, search: string, mark: string, nth = 0): JSONContent {
  const start = textPosition(doc, search, nth);
  return apply(doc, (state) => {
    const type = state.schema.marks[mark];
    const to = start + search.length;
    return state.doc.rangeHasMark(start, to, type) ? state.tr.removeMark(start, to, type) : state.tr.addMark(start, to, type.create());
  });
}

/** Split the textblock at the end of the `nth` occurrence of `search` (pressing Enter there). */
export function splitAfter(doc: JSONContent, search: string, nth = 0): JSONContent {
  const at = textPosition(doc, search, nth) + search.length;
  return apply(doc, (state) => state.tr.split(at));
}

function textPosition(doc: JSONContent, search: string, nth: number): number {
  let at: number | null = null;
  let seen = 0;
  markdownSchema().nodeFromJSON(doc).descendants((node, pos) => {
    if (at !== null || !node.isText) return at === null;
    for (let i = node.text!.indexOf(search); i !== -1; i = node.text!.indexOf(search, i + 1)) {
      if (seen++ === nth) {
        at = pos + i;
        break;
      }
    }
    return false;
  });
  if (at === null) throw new Error(`"${search}" not found`);
  return at;
}

/** Top-level block operations (paste a block, delete a block). */
export const insertBlock = (doc: JSONContent, index: number, node: JSONContent): JSONContent => ({
  ...doc,
  content: [...(doc.content ?? []).slice(0, index), node, ...(doc.content ?? []).slice(index)],
});
export const deleteBlock = (doc: JSONContent, index: number): JSONContent => ({
  ...doc,
  content: (doc.content ?? []).filter((_, i) => i !== index),
});
export const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

/** For each of `words` (first occurrence in `source`), the editor's text at the positions its source range maps to. */
export function wordsThroughSourceRanges(source: string, words: string[]): (string | null)[] {
  const md = createMarkdownDocument(source);
  const pm = markdownSchema().nodeFromJSON(md.doc);
  return words.map((word) => {
    const at = source.indexOf(word);
    const range = sourceRangeToDoc(md, at, at + word.length);
    return range && pm.textBetween(range.from, range.to);
  });
}
