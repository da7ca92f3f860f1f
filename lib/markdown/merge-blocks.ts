import { diffArrays } from "diff";
import { topLevelTokens } from "./top-level";

// The one three-way merge of a document, block by block: the editor's
// "Merge" after a refused flush (§8.11: the user's edits onto the branch's
// new head) and the check before "update from main" (§12: the branch's
// edits and main's). Clean when the two sides changed different blocks —
// neighbouring ones included — or made the same change; otherwise nothing
// is guessed and the conflicting places are reported.

/**
 * The text cut into the blocks of the one splitter (top-level.ts), each
 * with the blank lines after it, so the pieces join back to the exact text.
 */
export function mergeUnits(text: string): string[] {
  const out: string[] = [];
  for (const { start, end, token } of topLevelTokens(text).tokens) {
    const piece = text.slice(start, end);
    if (token.type === "space" && out.length) out[out.length - 1] += piece;
    else out.push(piece);
  }
  return out;
}

type Edit = { start: number; end: number; blocks: string[]; side: 0 | 1; at: number };

/** One side's edits of the base: base blocks [start, end) became `blocks`, found at `at` in that side. */
function editsOf(base: string[], side: string[], which: 0 | 1): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  let mine = 0;
  let open: Edit | null = null;
  for (const part of diffArrays(base, side)) {
    if (!part.added && !part.removed) {
      if (open) edits.push(open);
      open = null;
      at += part.value.length;
      mine += part.value.length;
      continue;
    }
    open ??= { start: at, end: at, blocks: [], side: which, at: mine };
    if (part.removed) {
      at += part.value.length;
      open.end = at;
    } else {
      open.blocks.push(...part.value);
      mine += part.value.length;
    }
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

/** A place both sides changed: the base text and each side's, and where it starts in ours (1-based line). */
export type ConflictHunk = { base: string; ours: string; theirs: string; oursStartLine: number };
export type MergeResult = { clean: true; text: string } | { clean: false; conflicts: ConflictHunk[] };

// A hunk shows its text without the blank lines that separate it from the next block.
const shown = (blocks: string[]) => blocks.join("").replace(/(?:\n[ \t]*)+$/, "\n");

/** Merges `ours` and `theirs`, both edited from `base`. */
export function mergeBlocks(baseText: string, oursText: string, theirsText: string): MergeResult {
  if (oursText === baseText) return { clean: true, text: theirsText };
  if (theirsText === baseText || oursText === theirsText) return { clean: true, text: oursText };
  const base = mergeUnits(baseText);
  const oursBlocks = mergeUnits(oursText);
  const ours = editsOf(base, oursBlocks, 0);
  const theirs = editsOf(base, mergeUnits(theirsText), 1);
  const conflicts: ConflictHunk[] = [];
  const kept: Edit[] = [...theirs];
  for (const m of ours) {
    const hit = theirs.filter((t) => collide(m, t));
    if (hit.length === 0) kept.push(m);
    else if (!(hit.length === 1 && same(m, hit[0]))) {
      const start = Math.min(m.start, ...hit.map((t) => t.start));
      const end = Math.max(m.end, ...hit.map((t) => t.end));
      const apply = (edits: Edit[]) => {
        let out: string[] = [];
        let at = start;
        for (const e of edits) {
          out = [...out, ...base.slice(at, e.start), ...e.blocks];
          at = e.end;
        }
        return [...out, ...base.slice(at, end)];
      };
      const oursStart = Math.max(0, m.at - (m.start - start)); // the unchanged blocks before m are ours too
      conflicts.push({
        base: shown(base.slice(start, end)),
        ours: shown(apply([m])),
        theirs: shown(apply(hit)),
        oursStartLine: oursBlocks.slice(0, oursStart).join("").split("\n").length,
      });
    }
  }
  if (conflicts.length) return { clean: false, conflicts };
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
