import { plainInline } from "./summary";

// FTS5's highlight() and snippet() mark hits with two control characters;
// here the marked text becomes segments the UI renders as text and <mark>,
// never as HTML (a document holding those characters can only confuse the
// marks, never the page).

export const HIT_OPEN = "\u0002";
export const HIT_CLOSE = "\u0003";
export const ELLIPSIS = "…";
/** Words of a search hit's passage (FTS5 snippet()'s token count). */
export const SNIPPET_WORDS = 18;

export type Highlighted = { text: string; hit: boolean }[];

const CONTROL = /[\u0002\u0003]/g;

/** Splits marked text into plain and hit segments; Markdown syntax outside hits is flattened. */
export function parseHighlighted(marked: string, opts: { markdown?: boolean } = {}): Highlighted {
  const out: Highlighted = [];
  const push = (text: string, hit: boolean) => {
    const clean = text.replace(CONTROL, "");
    if (!clean) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += clean;
    else out.push({ text: clean, hit });
  };
  for (const [i, part] of marked.split(HIT_OPEN).entries()) {
    if (i === 0) {
      push(part, false);
      continue;
    }
    const end = part.indexOf(HIT_CLOSE);
    push(end < 0 ? part : part.slice(0, end), true);
    if (end >= 0) push(part.slice(end + 1), false);
  }
  if (!opts.markdown) return out;
  // Flatten Markdown in the text around hits (a heading's #, emphasis, link targets).
  return out
    .map((s) => (s.hit ? s : { text: flattenKeepingEdges(s.text), hit: false }))
    .filter((s) => s.text.length > 0);
}

/** plainInline, but the spaces at either end survive (they separate a segment from its neighbour hit). */
function flattenKeepingEdges(marked: string): string {
  const text = marked.replace(/^[*_`~]+|[*_`~]+$/g, ""); // emphasis around a hit
  const lead = /^\s/.test(text) ? " " : "";
  const trail = /\s$/.test(text) ? " " : "";
  const body = plainInline(
    text
      .replace(/(^|\n) {0,3}#{1,6}[ \t][^\n]*\n/g, "$1") // a whole heading line: a section's name is not its text
      .replace(/(^|\n) {0,3}#{1,6}[ \t]+/g, "$1") // a heading the hit is in: only its markers go
      .replace(/(^|\n)\s*([-*+>]|\d+[.)])\s+/g, "$1"),
  );
  return body ? `${lead}${body}${trail}` : lead || trail;
}

export const hasHit = (h: Highlighted) => h.some((s) => s.hit);

export const plainText = (h: Highlighted) => h.map((s) => s.text).join("");

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * A passage of at most `words` words around the first hit of marked text,
 * with an ellipsis where it was cut: what FTS5's snippet() gives, for an
 * index that marks a whole column (PostgreSQL's ts_headline with
 * HighlightAll). Text without a hit gives its first words. A cut never drops
 * the mark that opens or closes a hit at its edge, and closes a hit it cuts.
 */
export function excerpt(marked: string, words: number): string {
  const found: { start: number; end: number; hit: boolean }[] = [];
  let open = false;
  let from = 0;
  for (const m of marked.matchAll(WORD)) {
    const between = marked.slice(from, m.index);
    const lastOpen = between.lastIndexOf(HIT_OPEN);
    if (lastOpen >= 0 || between.includes(HIT_CLOSE)) open = lastOpen > between.lastIndexOf(HIT_CLOSE);
    found.push({ start: m.index, end: m.index + m[0].length, hit: open });
    from = m.index + m[0].length;
  }
  if (found.length <= words) return marked;
  const firstHit = Math.max(0, found.findIndex((w) => w.hit));
  // A few words of lead-in before the hit (fewer in a short passage, so a phrase hit fits), as snippet() gives.
  const lead = Math.min(3, Math.floor((words - 1) / 4));
  const first = Math.max(0, Math.min(firstHit - lead, found.length - words));
  const last = first + words - 1;
  let start = first === 0 ? 0 : found[first].start;
  if (start > 0 && marked[start - 1] === HIT_OPEN) start--;
  let end = last === found.length - 1 ? marked.length : found[last].end;
  if (marked[end] === HIT_CLOSE) end++;
  let passage = marked.slice(start, end);
  if (passage.lastIndexOf(HIT_OPEN) > passage.lastIndexOf(HIT_CLOSE)) passage += HIT_CLOSE; // cut inside a hit
  return `${start > 0 ? ELLIPSIS : ""}${passage}${end < marked.length ? ELLIPSIS : ""}`;
}
