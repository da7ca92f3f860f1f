// Tag and fence scanners for the §18 change-protocol parser.
//
// Each scanner looks at `s` from `i` and answers with one of three verdicts:
// "match" (with where it ends), "no", or "partial" — the input ran out while
// a match was still possible. The parser holds input back only on "partial",
// which is what keeps its output independent of where chunks are split.
// With `final` set there is no more input, so "partial" becomes "no".

export type Scan<T> = { kind: "match"; value: T; end: number } | { kind: "no" } | { kind: "partial" };

export type Tag = { name: string; closing: boolean; selfClosing: boolean };
export type Fence = { char: "`" | "~"; length: number };

const NO = { kind: "no" } as const;
const PARTIAL = { kind: "partial" } as const;
// Attributes are tolerated (`<change id="1">`), but a look-alike in prose must
// not make us hold text for long: an opening tag longer than this is prose.
const MAX_TAG_LENGTH = 200;
const MAX_FENCE_INFO = 40;

const isLetter = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
export const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";

/** Index of the first non-whitespace character at or after `i`. */
export function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

/**
 * Scan `<name …>`, `<name/>` or `</name>` at `s[i]` for one
 * of `names` (lower case). Tag names match case-insensitively.
 */
export function scanTag(s: string, i: number, names: readonly string[], final: boolean): Scan<Tag> {
  const out = final ? NO : PARTIAL;
  if (s[i] !== "<") return NO;
  let j = i + 1;
  if (j >= s.length) return out;
  const closing = s[j] === "/";
  if (closing) j++;
  const nameStart = j;
  while (j < s.length && isLetter(s[j])) j++;
  const name = s.slice(nameStart, j).toLowerCase();
  if (j >= s.length) return names.some((n) => n.startsWith(name)) ? out : NO;
  if (!names.includes(name)) return NO;
  const next = s[j];
  if (next !== ">" && next !== "/" && !isSpace(next)) return NO; // `<changes>`, `<change-log>`
  if (closing) {
    j = skipSpace(s, j);
    if (j >= s.length) return out;
    return s[j] === ">" ? { kind: "match", value: { name, closing, selfClosing: false }, end: j + 1 } : NO;
  }
  // Opening tag: anything but `<`/`>` may follow as attributes, up to `>`.
  for (; j < s.length; j++) {
    if (j - i > MAX_TAG_LENGTH || s[j] === "<") return NO;
    if (s[j] === ">") {
      const selfClosing = s[j - 1] === "/";
      return { kind: "match", value: { name, closing, selfClosing }, end: j + 1 };
    }
  }
  return out;
}

/**
 * A Markdown fence line (```` ```xml ```` or `~~~`, up to three spaces of
 * indent) at `s[i]`, which must be a line start. Ends after the newline.
 */
export function scanFenceLine(s: string, i: number, final: boolean): Scan<Fence> {
  const out = final ? NO : PARTIAL;
  let j = i;
  while (j < s.length && s[j] === " " && j - i < 3) j++;
  if (j >= s.length) return out;
  const char = s[j];
  if (char !== "`" && char !== "~") return NO;
  const runStart = j;
  while (j < s.length && s[j] === char) j++;
  const length = j - runStart;
  if (j >= s.length) return out;
  if (length < 3) return NO;
  const infoStart = j;
  for (; j < s.length; j++) {
    if (s[j] === "\n") return { kind: "match", value: { char, length }, end: j + 1 };
    if (j - infoStart > MAX_FENCE_INFO || (char === "`" && s[j] === "`")) return NO;
  }
  return final ? { kind: "match", value: { char, length }, end: j } : PARTIAL;
}

/**
 * A closing fence for `fence` at `s[i]`: the same character at least as many
 * times, then only spaces up to the end of the line (newline included).
 */
export function scanClosingFence(s: string, i: number, fence: Fence, final: boolean): Scan<null> {
  const out = final ? NO : PARTIAL;
  let j = i;
  while (j < s.length && s[j] === fence.char) j++;
  if (j >= s.length) return final && j - i >= fence.length ? { kind: "match", value: null, end: j } : out;
  if (j - i < fence.length) return NO;
  while (j < s.length && (s[j] === " " || s[j] === "\t" || s[j] === "\r")) j++;
  if (j >= s.length) return final ? { kind: "match", value: null, end: j } : PARTIAL;
  return s[j] === "\n" ? { kind: "match", value: null, end: j + 1 } : NO;
}
