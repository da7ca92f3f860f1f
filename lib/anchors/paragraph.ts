import type { Block, ParagraphAnchor, Resolved } from "./types";

// §8.12 paragraph anchors: a block by position and its text. The text wins
// over the position: a paragraph that moved is followed, one whose text
// changed or vanished is detached (never pinned to whatever is now there).

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** The block index and normalised text for a block (what a new paragraph thread stores). */
export function captureParagraph(text: string, blocks: Block[], blockIndex: number): Omit<ParagraphAnchor, "kind"> | null {
  const block = blocks[blockIndex];
  return block ? { blockIndex, blockText: text.slice(block.start, block.end) } : null;
}

/**
 * Finds the anchored block in the current text: at its old index if the text
 * still matches, else the matching block nearest to the old index.
 * Whitespace differences (re-wrapping) do not detach.
 */
export function resolveParagraph(text: string, blocks: Block[], anchor: Pick<ParagraphAnchor, "blockIndex" | "blockText">): Resolved {
  const want = norm(anchor.blockText);
  if (!want) return { state: "detached" };
  const same = (b: Block | undefined) => !!b && norm(text.slice(b.start, b.end)) === want;
  const at = blocks[anchor.blockIndex];
  if (same(at)) return { state: "attached", start: at.start, end: at.end };
  let best: Block | null = null;
  let bestDistance = Infinity;
  blocks.forEach((b, i) => {
    const distance = Math.abs(i - anchor.blockIndex);
    if (distance < bestDistance && same(b)) {
      best = b;
      bestDistance = distance;
    }
  });
  const found = best as Block | null;
  return found ? { state: "attached", start: found.start, end: found.end } : { state: "detached" };
}
