import type { Block } from "@/lib/anchors";
import { blockRanges } from "@/lib/markdown";

// Top-level blocks of a document for paragraph anchors (§8.12): the same
// split the editor uses (lib/markdown), so a paragraph thread's blockIndex
// means the same block on both sides.

// A whole Markdown parse of the text, asked for the same text from several
// places of one view (threads placed in the shown text, the read-only
// document's paragraph anchors, the editor's highlights): the last text's
// blocks are kept, so they cost one parse. Callers only read them.
let last: { text: string; blocks: Block[] } | null = null;

export function documentBlocks(text: string): Block[] {
  if (last?.text !== text) last = { text, blocks: Object.freeze(blockRanges(text).map((b) => Object.freeze({ start: b.start, end: b.end }))) as Block[] };
  return last.blocks;
}
