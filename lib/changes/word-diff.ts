import { diffWordsWithSpace } from "diff";

// §8.8 change cards and the DiffView: a word-level diff of original → proposed.
// Whitespace counts as a token so a changed line break shows up too.

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

export function wordDiff(original: string, proposed: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const part of diffWordsWithSpace(original, proposed)) {
    if (part.value === "") continue;
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
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
