import type { Block } from "@/lib/anchors";

// Top-level blocks of a document for paragraph anchors (§8.12): runs of
// non-blank lines, a fenced code block counting as one run even with blank
// lines inside. The editor numbers blocks the same way for paragraphs, which
// is what paragraph threads attach to.
// TODO(markdown): use lib/markdown's blockRanges once it lands, so the editor
// and the server share one definition of a block.
export function documentBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = 0;
  let fence: string | null = null;
  let pos = 0;
  for (const line of text.split("\n")) {
    const lineEnd = pos + line.length;
    const f = /^ {0,3}(```|~~~)/.exec(line);
    if (f) fence = fence ? (f[1] === fence ? null : fence) : f[1];
    if (line.trim() === "" && !fence) {
      if (start >= 0) blocks.push({ start, end });
      start = -1;
    } else {
      if (start < 0) start = pos;
      end = lineEnd;
    }
    pos = lineEnd + 1;
  }
  if (start >= 0) blocks.push({ start, end });
  return blocks;
}
