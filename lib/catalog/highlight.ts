import { plainInline } from "./summary";

// FTS5's highlight() and snippet() mark hits with two control characters;
// here the marked text becomes segments the UI renders as text and <mark>,
// never as HTML (a document holding those characters can only confuse the
// marks, never the page).

export const HIT_OPEN = "\u0002";
export const HIT_CLOSE = "\u0003";
export const ELLIPSIS = "…";

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
