import { diffArrays } from "diff";
import { topLevelTokens } from "./top-level";
import type { MergePiece } from "@/lib/contracts/branches";

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

export type Edit = { start: number; end: number; blocks: string[]; side: 0 | 1; at: number };

/** One side's edits of the base: base blocks [start, end) became `blocks`, found at `at` in that side. */
export function editsOf(base: string[], side: string[], which: 0 | 1): Edit[] {
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

/**
 * The merge as pieces that join to the whole text: what merged on its own,
 * and each place both sides changed, with the exact text of base, ours and
 * theirs there (blank lines included), so a person can pick or write each
 * place's text and the joined result keeps every other byte (the
 * resolution view, §12).
 */
export type MergeSegment = MergePiece;

// A hunk shows its text without the blank lines that separate it from the next block.
const shown = (text: string) => text.replace(/(?:\n[ \t]*)+$/, "\n");

/** Merges `ours` and `theirs`, both edited from `base`. */
export function mergeBlocks(baseText: string, oursText: string, theirsText: string): MergeResult {
  const segments = mergeSegments(baseText, oursText, theirsText);
  const conflicts = conflictHunks(segments);
  return conflicts.length ? { clean: false, conflicts } : { clean: true, text: joinSegments(segments, []) };
}

/** The conflicts of a merge as hunks to show (trailing blank lines left out). */
export function conflictHunks(segments: MergeSegment[]): ConflictHunk[] {
  return segments.flatMap((g) => (g.kind === "conflict" ? [{ base: shown(g.base), ours: shown(g.ours), theirs: shown(g.theirs), oursStartLine: g.oursStartLine }] : []));
}

/**
 * The whole text: the clean pieces as merged and, for the i-th conflict,
 * `resolved[i]` — what the person picked or wrote there.
 */
export function joinSegments(segments: MergeSegment[], resolved: string[]): string {
  let i = 0;
  return segments.map((g) => (g.kind === "clean" ? g.text : (resolved[i++] ?? ""))).join("");
}

/** The merge of `ours` and `theirs` (both edited from `base`) as clean pieces and conflicts, in document order. */
export function mergeSegments(baseText: string, oursText: string, theirsText: string): MergeSegment[] {
  if (oursText === baseText) return [{ kind: "clean", text: theirsText }];
  if (theirsText === baseText || oursText === theirsText) return [{ kind: "clean", text: oursText }];
  const base = mergeUnits(baseText);
  const oursBlocks = mergeUnits(oursText);
  const ours = editsOf(base, oursBlocks, 0);
  const theirs = editsOf(base, mergeUnits(theirsText), 1);

  // Edits that collide (and are not the same change) form one conflict with
  // every edit they reach; the others merge on their own. Same changes on
  // both sides are kept once.
  const groups: Edit[][] = [];
  const groupOf = new Map<Edit, Edit[]>();
  const join = (a: Edit, b: Edit) => {
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (ga && ga === gb) return;
    const merged = [...new Set([...(ga ?? [a]), ...(gb ?? [b])])];
    for (const g of [ga, gb]) if (g) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
    for (const e of merged) groupOf.set(e, merged);
  };
  const kept: Edit[] = [...theirs];
  for (const m of ours) {
    const hit = theirs.filter((t) => collide(m, t));
    if (hit.length === 0) kept.push(m);
    else if (!(hit.length === 1 && same(m, hit[0]))) for (const t of hit) join(m, t);
  }

  type Piece = { start: number; end: number; emit: () => MergeSegment };
  const apply = (edits: Edit[], start: number, end: number) => {
    let out = "";
    let at = start;
    for (const e of [...edits].sort((a, b) => a.start - b.start)) {
      out += base.slice(at, e.start).join("") + e.blocks.join("");
      at = e.end;
    }
    return out + base.slice(at, end).join("");
  };
  const pieces: Piece[] = kept.filter((e) => !groupOf.has(e)).map((e) => ({ start: e.start, end: e.end, emit: () => ({ kind: "clean", text: e.blocks.join("") }) }));
  for (const g of groups) {
    const start = Math.min(...g.map((e) => e.start));
    const end = Math.max(...g.map((e) => e.end));
    const mine = g.filter((e) => e.side === 0);
    const first = mine.reduce((a, b) => (b.start < a.start ? b : a));
    const oursStart = Math.max(0, first.at - (first.start - start)); // the unchanged blocks before it are ours too
    pieces.push({
      start,
      end,
      emit: () => ({
        kind: "conflict",
        base: base.slice(start, end).join(""),
        ours: apply(mine, start, end),
        theirs: apply(g.filter((e) => e.side === 1), start, end),
        oursStartLine: oursBlocks.slice(0, oursStart).join("").split("\n").length,
      }),
    });
  }
  // Insertions before replacements at one position; ties keep theirs first.
  const sideOf = (p: Piece) => kept.find((e) => e.start === p.start && e.end === p.end)?.side ?? 0;
  pieces.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || sideOf(b) - sideOf(a));
  const out: MergeSegment[] = [];
  const push = (g: MergeSegment) => {
    const last = out[out.length - 1];
    if (g.kind === "clean" && last?.kind === "clean") last.text += g.text;
    else if (g.kind === "conflict" || g.text) out.push(g);
  };
  let at = 0;
  for (const p of pieces) {
    push({ kind: "clean", text: base.slice(at, p.start).join("") });
    push(p.emit());
    at = Math.max(at, p.end);
  }
  push({ kind: "clean", text: base.slice(at).join("") });
  return out.length ? out : [{ kind: "clean", text: "" }];
}
