import { lexBlocks, renderMarkdown } from "./markdown-render";
import { sentinelsToHtml } from "./marks";
import { decorateSlice, type Overlay } from "./overlays";

// The read-only document (discuss mode, §8.2): one rendered element per
// top-level block, each knowing its source range so a selection or a block
// can be turned into a sub-thread anchor (§8.12), with the overlays drawn in.

export type RenderedBlock = { index: number; start: number; end: number; type: string; html: string };

export function renderDocument(source: string, overlays: readonly Overlay[] = []): RenderedBlock[] {
  const { blocks, defs } = lexBlocks(source);
  return blocks.map((b, index) => {
    const touched = overlays.some((o) => o.start < b.end && o.end > b.start);
    const piece = touched ? decorateSlice(source, b.start, b.end, overlays) : b.raw;
    const html = renderMarkdown(piece, defs);
    return { index, start: b.start, end: b.end, type: b.type, html: touched ? sentinelsToHtml(html) : html };
  });
}
