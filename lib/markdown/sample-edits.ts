import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { markdownSchema } from "./extensions";

// Simulated editor edits for the round-trip script and tests: a one-word
// change made with a ProseMirror transaction on the editor's document model,
// exactly as typing would make it (no DOM needed).

export type EditTarget = "paragraph" | "listItem" | "tableCell";

export interface SampleEdit {
  target: EditTarget;
  /** Index of the top-level node (= source block) that holds the edited word. */
  blockIndex: number;
  word: string;
  doc: JSONContent;
}

const WORD = /\p{L}{3,}/gu;

function textblocksOf(doc: PmNode, target: EditTarget): Array<{ pos: number; node: PmNode; top: number }> {
  const found: Array<{ pos: number; node: PmNode; top: number }> = [];
  doc.forEach((topNode, offset, top) => {
    topNode.descendants((node, pos, parent) => {
      if (node.type.name !== "paragraph" || !parent) return true;
      const kind = parent.type.name;
      const wanted =
        target === "listItem" ? kind === "listItem"
        : target === "tableCell" ? kind === "tableCell" || kind === "tableHeader"
        : false;
      if (wanted) found.push({ pos: offset + 1 + pos, node, top });
      return false;
    });
    if (target === "paragraph" && topNode.type.name === "paragraph") found.push({ pos: offset, node: topNode, top });
  });
  return found;
}

// The text of a bare URL (`https://…`, autolinked) is its address; editing it is not prose editing.
const isBareUrl = (href: unknown, text: string | undefined) =>
  typeof href === "string" && !!text && (href === text || href.endsWith(`//${text}`) || href === `mailto:${text}`);

/** Deterministic pseudo-random choice (same seed → same edit) so runs are comparable. */
const pick = <T>(items: T[], seed: number): T | undefined => items[Math.abs(Math.imul(seed + 1, 2654435761)) % items.length];

/** Replace one word of a paragraph / list item / table cell; null when the document has none. */
export function oneWordEdit(doc: JSONContent, target: EditTarget, seed = 0, replacement = "quorum"): SampleEdit | null {
  const schema = markdownSchema();
  const pmDoc = schema.nodeFromJSON(doc);
  const words: Array<{ from: number; to: number; word: string; top: number }> = [];
  for (const block of textblocksOf(pmDoc, target)) {
    block.node.forEach((child, offset) => {
      if (!child.isText || child.marks.some((m) => m.type.name === "code" || isBareUrl(m.attrs.href, child.text))) return;
      for (const m of (child.text ?? "").matchAll(WORD)) {
        const from = block.pos + 1 + offset + (m.index ?? 0);
        words.push({ from, to: from + m[0].length, word: m[0], top: block.top });
      }
    });
  }
  const choice = pick(words.filter((w) => w.word !== replacement), seed);
  if (!choice) return null;
  const state = EditorState.create({ schema, doc: pmDoc });
  const next = state.apply(state.tr.insertText(replacement, choice.from, choice.to));
  return { target, blockIndex: choice.top, word: choice.word, doc: next.doc.toJSON() };
}
