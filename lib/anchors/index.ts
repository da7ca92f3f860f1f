// §8.12 anchors of range and paragraph sub-threads: capture, store, re-anchor.
// Pure functions: callers pass the current text (and its blocks).
import { resolveParagraph } from "./paragraph";
import { resolveRange } from "./range";
import type { Anchor, Block, Resolved } from "./types";

export { captureRange, resolveRange } from "./range";
export { captureParagraph, resolveParagraph } from "./paragraph";
export * from "./types";

/** Re-anchors any anchor; `blocks` is needed for paragraph anchors only. */
export function resolveAnchor(text: string, anchor: Anchor, blocks: () => Block[]): Resolved {
  return anchor.kind === "range" ? resolveRange(text, anchor) : resolveParagraph(text, blocks(), anchor);
}
