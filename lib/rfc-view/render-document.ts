import { lexBlocks, renderMarkdownParts } from "./markdown-render";
import { sentinelsToHtml } from "./marks";
import { decorateSlice, type Overlay } from "./overlays";

// The read-only document (discuss mode, §8.2): one rendered element per
// top-level block, each knowing its source range so a selection or a block
// can be turned into a sub-thread anchor (§8.12), with the overlays drawn in.

export type RenderedBlock = { index: number; start: number; end: number; type: string; html: string };

export function renderDocument(source: string, overlays: readonly Overlay[] = []): RenderedBlock[] {
  const { blocks, defs } = lexBlocks(source);
  const touched = blocks.map((b) => overlays.some((o) => o.start < b.end && o.end > b.start));
  const pieces = blocks.map((b, i) => (touched[i] ? decorateSlice(source, b.start, b.end, overlays) : b.raw));
  const htmls = renderMarkdownParts(pieces, defs);
  return blocks.map((b, index) => ({ index, start: b.start, end: b.end, type: b.type, html: touched[index] ? sentinelsToHtml(htmls[index]) : htmls[index] }));
}
