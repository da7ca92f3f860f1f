// marked lexes LF text only (it rewrites CRLF and lone CR to LF), so the model
// works on LF text and maps offsets back to the source bytes, which keep their
// own line ends (§8: a no-op save changes no byte, CRLF included).

export type Eol = "\n" | "\r\n";

export interface LfText {
  /** The text with every CRLF / lone CR turned into LF. */
  text: string;
  /** Offset in `text` → offset in the original string. */
  toSource(offset: number): number;
}

export function toLf(source: string): LfText {
  // LF offsets at which a CR was dropped (the CR sat just before that offset).
  const dropped: number[] = [];
  let text = "";
  let last = 0;
  for (let i = source.indexOf("\r"); i !== -1; i = source.indexOf("\r", i + 1)) {
    text += source.slice(last, i);
    if (source[i + 1] === "\n") dropped.push(text.length);
    else text += "\n"; // a lone CR is a line end too; same length, no shift
    last = i + 1;
  }
  text += source.slice(last);
  const toSource = (offset: number) => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
  return { text, toSource };
}

/** The line end most lines of `text` use; new text is written with it. */
export function dominantEol(text: string): Eol {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

export const withEol = (text: string, eol: Eol) => (eol === "\n" ? text : text.replace(/\n/g, eol));

/**
 * Replace `oldLf` (the LF form of `source`) by `newLf`, touching only the
 * bytes that differ: the common prefix and suffix keep their original line
 * ends, the changed middle gets `eol`.
 */
export function replaceKeepingEol(source: string, oldLf: string, newLf: string, eol: Eol): string {
  if (oldLf === newLf) return source;
  const max = Math.min(oldLf.length, newLf.length);
  let p = 0;
  while (p < max && oldLf[p] === newLf[p]) p++;
  let s = 0;
  while (s < max - p && oldLf[oldLf.length - 1 - s] === newLf[newLf.length - 1 - s]) s++;
  const map = toLf(source).toSource;
  const middle = withEol(newLf.slice(p, newLf.length - s), eol);
  return source.slice(0, map(p)) + middle + source.slice(map(oldLf.length - s));
}
