import { diffArrays } from "diff";

// §8.11 "Merge" after a refused flush: the user's edits (base → mine) are
// re-applied onto the branch's new head (base → theirs) block by block. Clean
// only when the two sides changed different blocks (or made the same change);
// otherwise nothing is guessed and the caller keeps both texts visible.

/**
 * The text cut into blocks, each with the blank lines that follow it, so the
 * pieces join back to the exact text. A fenced code block is one block even
 * with blank lines inside.
 */
export function splitBlocks(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let cur = "";
  let fence: string | null = null;
  let sawBlank = false;
  for (const line of lines) {
    const blank = line.trim() === "" && !fence;
    if (!blank && sawBlank && cur) {
      out.push(cur);
      cur = "";
      sawBlank = false;
    }
    const f = /^ {0,3}(```|~~~)/.exec(line);
    if (f) fence = fence ? (f[1] === fence ? null : fence) : f[1];
    if (blank) sawBlank = true;
    cur += line;
  }
  if (cur) out.push(cur);
  return out;
}

type Edit = { start: number; end: number; blocks: string[]; side: 0 | 1 };

function editsOf(base: string[], side: string[], which: 0 | 1): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  let open: Edit | null = null;
  for (const part of diffArrays(base, side)) {
    if (!part.added && !part.removed) {
      if (open) edits.push(open);
      open = null;
      at += part.value.length;
      continue;
    }
    open ??= { start: at, end: at, blocks: [], side: which };
    if (part.removed) {
      at += part.value.length;
      open.end = at;
    } else open.blocks.push(...part.value);
  }
  if (open) edits.push(open);
  return edits;
}

// Two edits collide when their base ranges overlap, or both insert at one
// place (which goes first would be a guess). Edits of neighbouring blocks do not.
const collide = (a: Edit, b: Edit) =>
  (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start) ||
  (a.start === a.end && b.start < a.start && a.start < b.end) || (b.start === b.end && a.start < b.start && b.start < a.end);

const same = (a: Edit, b: Edit) => a.start === b.start && a.end === b.end && a.blocks.join("") === b.blocks.join("");

export type BlockMerge = { clean: true; text: string } | { clean: false; conflicts: number };

export function mergeBlocks(baseText: string, mineText: string, theirsText: string): BlockMerge {
  if (mineText === baseText) return { clean: true, text: theirsText };
  if (theirsText === baseText || mineText === theirsText) return { clean: true, text: mineText };
  const base = splitBlocks(baseText);
  const mine = editsOf(base, splitBlocks(mineText), 0);
  const theirs = editsOf(base, splitBlocks(theirsText), 1);
  let conflicts = 0;
  const kept: Edit[] = [...theirs];
  for (const m of mine) {
    const hit = theirs.filter((t) => collide(m, t));
    if (hit.length === 0) kept.push(m);
    else if (!(hit.length === 1 && same(m, hit[0]))) conflicts++;
  }
  if (conflicts) return { clean: false, conflicts };
  // Insertions before replacements at one position; ties keep theirs first.
  kept.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start) || b.side - a.side);
  let out = "";
  let at = 0;
  for (const e of kept) {
    out += base.slice(at, e.start).join("") + e.blocks.join("");
    at = Math.max(at, e.end);
  }
  return { clean: true, text: out + base.slice(at).join("") };
}
