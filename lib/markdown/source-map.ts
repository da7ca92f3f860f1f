import type { SourceBlock } from "./blocks";
import type { MarkdownDocument } from "./document";
import { type Unit, alignToRaw, flatten } from "./flatten";

// §8.10 / §8.12: tracked changes and comment anchors are found in the
// Markdown source; the editor draws them at ProseMirror positions. This maps
// one to the other through the same character alignment the splicer uses.

interface BlockMap {
  block: SourceBlock;
  /** Position before the block's top-level node. */
  start: number;
  units: Unit[];
  raw: Array<[number, number] | null>;
}

const cache = new WeakMap<MarkdownDocument, BlockMap[]>();

function blockMaps(md: MarkdownDocument): BlockMap[] {
  let maps = cache.get(md);
  if (!maps) {
    let start = 0;
    maps = md.split.blocks.map((block) => {
      const units = flatten(block.node);
      const map = { block, start, units, raw: alignToRaw(units, block.text) };
      start += units[units.length - 1].pos + 1; // the node's size
      return map;
    });
    cache.set(md, maps);
  }
  return maps;
}

/** Offset in the source → offset in the block's LF text. */
function lfOffset(md: MarkdownDocument, block: SourceBlock, offset: number): number {
  const clamped = Math.min(Math.max(offset, block.start), block.end);
  const crs = md.source.slice(block.start, clamped).split("\r\n").length - 1;
  return clamped - block.start - crs;
}

/**
 * Editor positions of the source range [from, to), or null if no text of the
 * document lies inside it. Ends in markup or between blocks snap inwards to
 * the nearest character.
 */
export function sourceRangeToDoc(md: MarkdownDocument, from: number, to: number): { from: number; to: number } | null {
  const maps = blockMaps(md);
  let start: number | null = null;
  for (const m of maps) {
    if (m.block.end <= from) continue;
    const at = lfOffset(md, m.block, from);
    const i = m.raw.findIndex((r, k) => r !== null && r[0] >= at && m.units[k].ch !== null);
    if (i !== -1) {
      start = m.start + m.units[i].pos;
      break;
    }
  }
  let end: number | null = null;
  for (let b = maps.length - 1; b >= 0 && end === null; b--) {
    const m = maps[b];
    if (m.block.start >= to) continue;
    const at = lfOffset(md, m.block, to);
    for (let k = m.raw.length - 1; k >= 0; k--) {
      const r = m.raw[k];
      const ch = m.units[k].ch;
      if (r !== null && ch !== null && r[1] <= at) {
        end = m.start + m.units[k].pos + ch.length;
        break;
      }
    }
  }
  return start !== null && end !== null && start < end ? { from: start, to: end } : null;
}

/**
 * Editor position for an insertion point in the source (where the inserted
 * text of a tracked change goes): before the next character of the same
 * block, or after its last character at the block's end.
 */
export function sourceOffsetToDoc(md: MarkdownDocument, offset: number): number | null {
  const m = blockMaps(md).find((b) => offset >= b.block.start && offset <= b.block.end);
  if (m) {
    const at = lfOffset(md, m.block, offset);
    const next = m.raw.findIndex((r, k) => r !== null && r[0] >= at && m.units[k].ch !== null);
    if (next !== -1) return m.start + m.units[next].pos;
    for (let k = m.raw.length - 1; k >= 0; k--) {
      const r = m.raw[k];
      const ch = m.units[k].ch;
      if (r !== null && ch !== null && r[1] <= at) return m.start + m.units[k].pos + ch.length;
    }
  }
  const after = sourceRangeToDoc(md, offset, md.source.length);
  if (after) return after.from;
  const before = sourceRangeToDoc(md, 0, offset);
  return before ? before.to : null;
}
