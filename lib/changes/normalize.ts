// A matching form of Markdown text for locating a change's original when the
// model did not copy it exactly (§18): inline markup dropped (emphasis and
// strong markers, code backticks, strike tildes, link syntax `[text](url)` →
// text), whitespace runs collapsed to one space (CRLF, trailing spaces, line
// breaks), typographic quotes folded. Every character of the result remembers
// its source offset so a match maps back to an exact source span.

export type MarkupToken = { start: number; end: number; kind: string; role: "open" | "close" | "both" };

export type Normalized = {
  text: string;
  /** map[k] is the source offset of text[k]. */
  map: number[];
  /** Markup dropped from the source, in source order. */
  tokens: MarkupToken[];
  /** dropped[i] is 1 when source[i] is markup. */
  dropped: Uint8Array;
};

const LINK = /(!?)\[([^[\]\n]*)\]\(([^()\s]*)(?:\s+"[^"\n]*")?\)/g;
const DELIMITERS = new Set(["*", "_", "`", "~"]);
const QUOTES: Record<string, string> = { "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"' };

export const isWhite = (c: string) => /\s/.test(c);
const isWord = (c: string) => /[\p{L}\p{N}]/u.test(c);

function findMarkup(source: string): { tokens: MarkupToken[]; dropped: Uint8Array } {
  const dropped = new Uint8Array(source.length);
  const tokens: MarkupToken[] = [];
  const mark = (start: number, end: number, kind: string, role: MarkupToken["role"]) => {
    dropped.fill(1, start, end);
    tokens.push({ start, end, kind, role });
  };
  for (const m of source.matchAll(LINK)) {
    const close = m.index + m[1].length + 1 + m[2].length; // the `]`
    mark(m.index, m.index + m[1].length + 1, "link", "open");
    mark(close, m.index + m[0].length, "link", "close");
  }
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (!DELIMITERS.has(c) || dropped[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < source.length && source[j] === c) j++;
    const before = source[i - 1] ?? " ";
    const after = source[j] ?? " ";
    // A run opens before text and closes after it (CommonMark's flanking, simplified).
    const opens = !isWhite(after);
    const closes = !isWhite(before);
    const intraword = c === "_" && isWord(before) && isWord(after); // snake_case is text
    if ((opens || closes) && !intraword) mark(i, j, c, opens && closes ? "both" : opens ? "open" : "close");
    i = j;
  }
  tokens.sort((a, b) => a.start - b.start);
  return { tokens, dropped };
}

export function normalizeMarkdown(source: string): Normalized {
  const { tokens, dropped } = findMarkup(source);
  let text = "";
  const map: number[] = [];
  let space = -1; // source offset where the pending whitespace run began
  for (let i = 0; i < source.length; i++) {
    if (dropped[i]) continue;
    const c = source[i];
    if (isWhite(c)) {
      if (space < 0) space = i;
      continue;
    }
    if (space >= 0) {
      text += " ";
      map.push(space);
      space = -1;
    }
    text += QUOTES[c] ?? c;
    map.push(i);
  }
  if (space >= 0) {
    text += " ";
    map.push(space);
  }
  return { text, map, tokens, dropped };
}

/** Whether the markup inside [start, end) pairs up: no half of a `**…**` or link. */
export function markupBalanced(tokens: readonly MarkupToken[], start: number, end: number): boolean {
  const stack: MarkupToken[] = [];
  for (const t of tokens) {
    if (t.end <= start || t.start >= end) continue;
    if (t.start < start || t.end > end) return false;
    const top = stack[stack.length - 1];
    const matches = top !== undefined && top.kind === t.kind && (t.kind === "link" || top.end - top.start === t.end - t.start);
    if (t.role === "open" || (t.role === "both" && !matches)) stack.push(t);
    else if (matches) stack.pop();
    else return false;
  }
  return stack.length === 0;
}
