import type { Block } from "@/lib/anchors";
import { blockRanges } from "@/lib/markdown";

// Top-level blocks of a document for paragraph anchors (§8.12): the same
// split the editor uses (lib/markdown), so a paragraph thread's blockIndex
// means the same block on both sides.
export function documentBlocks(text: string): Block[] {
  return blockRanges(text).map((b) => ({ start: b.start, end: b.end }));
}
