import { diffArrays } from "diff";

// A line-based three-way merge of one document (§12 "update from main"):
// base = the merge base, ours = the branch, theirs = main. Clean when the two
// sides changed different lines (or made the same change); otherwise the
// conflicting hunks are reported and nothing is written — never forced.

export type ConflictHunk = { base: string; ours: string; theirs: string; oursStartLine: number };
export type Merge3Result = { clean: true; text: string } | { clean: false; conflicts: ConflictHunk[] };

/** One side's edit of the base: base lines [start, end) become `lines`. */
type Edit = { start: number; end: number; lines: string[] };

const splitLines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

function editsOf(base: string[], side: string[]): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  let open: Edit | null = null;
  for (const part of diffArrays(base, side)) {
    if (!part.added && !part.removed) {
      if (open) edits.push(open);
      open = null;
      at += part.count ?? part.value.length;
      continue;
    }
    open ??= { start: at, end: at, lines: [] };
    if (part.removed) {
      at += part.value.length;
      open.end = at;
    } else open.lines.push(...part.value);
  }
  if (open) edits.push(open);
  return edits;
}

const sameLines = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);

/** Applies the edits of one side to base[start, end). */
function applyRange(base: string[], start: number, end: number, edits: Edit[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const e of edits) {
    out.push(...base.slice(at, e.start), ...e.lines);
    at = e.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

export function merge3(baseText: string, oursText: string, theirsText: string): Merge3Result {
  if (oursText === theirsText) return { clean: true, text: oursText };
  const base = splitLines(baseText);
  const ours = editsOf(base, splitLines(oursText)).map((e) => ({ ...e, side: 0 }));
  const theirs = editsOf(base, splitLines(theirsText)).map((e) => ({ ...e, side: 1 }));
  const all = [...ours, ...theirs].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  const conflicts: ConflictHunk[] = [];
  let at = 0;
  let i = 0;
  while (i < all.length) {
    // Group edits whose base ranges overlap or touch: like Git, changes on
    // adjacent lines from both sides are a conflict, not a guess.
    const group = [all[i]];
    const start = all[i].start;
    let end = all[i].end;
    i++;
    while (i < all.length && all[i].start <= end) {
      end = Math.max(end, all[i].end);
      group.push(all[i++]);
    }
    out.push(...base.slice(at, start));
    const mine = group.filter((e) => e.side === 0);
    const other = group.filter((e) => e.side === 1);
    const oursLines = applyRange(base, start, end, mine);
    const theirsLines = applyRange(base, start, end, other);
    if (!mine.length) out.push(...theirsLines);
    else if (!other.length || sameLines(oursLines, theirsLines)) out.push(...oursLines);
    else {
      conflicts.push({
        base: base.slice(start, end).join(""),
        ours: oursLines.join(""),
        theirs: theirsLines.join(""),
        oursStartLine: out.length + 1,
      });
      out.push(...oursLines);
    }
    at = end;
  }
  out.push(...base.slice(at));
  return conflicts.length ? { clean: false, conflicts } : { clean: true, text: out.join("") };
}
