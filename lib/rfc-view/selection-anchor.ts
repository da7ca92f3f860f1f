import { captureRange } from "@/lib/anchors/range";
import { countOccurrences, locateOriginal } from "@/lib/changes/locate";
import type { Anchor } from "@/lib/contracts";

// §8.12: a selection in the rendered document becomes a range anchor in the
// *source* — quote plus ~32 characters of context on each side (captureRange).
// The rendered text drops Markdown markup, so the selection is looked up in
// the source of the block(s) it lies in: exactly first, then ignoring markup
// and whitespace (locateOriginal), never at a guessed place.

export type BlockRange = { start: number; end: number };

/**
 * The anchor for `selected` (the rendered selection text) inside
 * source[block.start, block.end). `occurrence` says which of several equal
 * rendered strings in the block was selected (0-based), when the caller knows.
 */
export function anchorFromSelection(source: string, block: BlockRange, selected: string, occurrence = 0): Extract<Anchor, { kind: "range" }> | null {
  const quote = selected.trim();
  if (!quote) return null;
  const piece = source.slice(block.start, block.end);
  let span: { start: number; end: number } | null = null;
  const exact = countOccurrences(piece, quote);
  if (exact.count === 1) span = { start: exact.first, end: exact.first + quote.length };
  else if (exact.count > 1) {
    let at = exact.first;
    for (let k = 0; k < occurrence && at >= 0; k++) at = piece.indexOf(quote, at + 1);
    if (at >= 0) span = { start: at, end: at + quote.length };
  } else {
    const found = locateOriginal(piece, quote);
    if (found.ok) span = { start: found.start, end: found.end };
  }
  if (!span) return null;
  return { kind: "range", ...captureRange(source, block.start + span.start, block.start + span.end) };
}

/** How many times `selected` occurs in `textBefore` (the block's rendered text before the selection). */
export function occurrenceIndex(textBefore: string, selected: string): number {
  const q = selected.trim();
  return q ? countOccurrences(textBefore, q).count : 0;
}

/**
 * A paragraph anchor for the rendered block starting at `offset`: the index
 * and text of the server's block that holds it (§8.12), so the server
 * re-anchors it with the same block definition it captured with.
 */
export function paragraphAnchor(source: string, serverBlocks: readonly BlockRange[], offset: number): Extract<Anchor, { kind: "paragraph" }> | null {
  const blockIndex = serverBlocks.findIndex((b) => offset >= b.start && offset < Math.max(b.end, b.start + 1));
  const at = blockIndex >= 0 ? blockIndex : serverBlocks.findIndex((b) => b.start >= offset);
  if (at < 0) return null;
  const b = serverBlocks[at];
  const blockText = source.slice(b.start, b.end);
  return blockText.trim() ? { kind: "paragraph", blockIndex: at, blockText } : null;
}
