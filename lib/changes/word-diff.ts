import { diffWordsWithSpace } from "diff";

// §8.8 change cards and the DiffView: a word-level diff of original → proposed.
// Whitespace counts as a token so a changed line break shows up too.

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

/** Whitespace that is not a paragraph break: re-wrapping a line changes only this. */
const isWrap = (s: string) => /^\s+$/.test(s) && !/\n[ \t]*\n/.test(s);

/**
 * With `ignoreWrap`, a line break swapped for a space (or back) within a
 * paragraph is not a change: the proposed whitespace shows as unchanged, as
 * it renders the same (issue 16). Then only the proposed side can be rebuilt
 * from the segments; without it, both sides can.
 */
export function wordDiff(original: string, proposed: string, opts: { ignoreWrap?: boolean } = {}): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const parts = diffWordsWithSpace(original, proposed);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.value === "") continue;
    const next = parts[i + 1];
    let kind: DiffSegment["kind"] = part.added ? "added" : part.removed ? "removed" : "same";
    if (opts.ignoreWrap && part.removed && next?.added && isWrap(part.value) && isWrap(next.value)) {
      kind = "same";
      part.value = next.value;
      i++;
    }
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += part.value;
    else segments.push({ kind, text: part.value });
  }
  return segments;
}

/** Counts for a card's summary line ("+3 −1 words"). */
export function diffStats(segments: readonly DiffSegment[]): { added: number; removed: number } {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const s of segments) {
    if (s.kind === "added") added += words(s.text);
    if (s.kind === "removed") removed += words(s.text);
  }
  return { added, removed };
}
