// A line-based view of an entry's frontmatter, so that a rewrite touches
// only the lines of the keys that changed (§3 "Serialisation is stable") and
// never the body bytes. YAML itself is parsed elsewhere (parse.ts); this
// module only knows where each top-level key's lines are.

export type FrontmatterDoc = {
  eol: string;
  /** The frontmatter lines between the two fences, without line endings. */
  lines: string[];
  /** The closing fence as written (`---` plus its line ending, if any). */
  close: string;
  /** Everything after the closing fence, byte for byte. */
  body: string;
};

const FENCE = /^---[ \t]*$/;
const TOP_LEVEL_KEY = /^([A-Za-z_][\w.-]*|"[^"]+"|'[^']+')[ \t]*:(?:[ \t]|$)/;

/** Splits `---\n<yaml>\n---\n<body>`; null when the text has no frontmatter. */
export function splitFrontmatter(text: string): FrontmatterDoc | null {
  const first = /^---[ \t]*(\r?\n)/.exec(text);
  if (!first) return null;
  const eol = first[1];
  let pos = first[0].length;
  const lines: string[] = [];
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl === -1 ? text.length : nl + 1;
    const raw = text.slice(pos, end);
    const line = raw.replace(/\r?\n$/, "");
    if (FENCE.test(line)) return { eol, lines, close: raw, body: text.slice(end) };
    if (nl === -1) return null; // no closing fence
    lines.push(line);
    pos = end;
  }
  return null;
}

export function joinFrontmatter(doc: FrontmatterDoc): string {
  return `---${doc.eol}${doc.lines.map((l) => l + doc.eol).join("")}${doc.close}${doc.body}`;
}

export function keyOfLine(line: string): string | null {
  const m = TOP_LEVEL_KEY.exec(line);
  if (!m) return null;
  return m[1].replace(/^["']|["']$/g, "");
}

/** A line that continues the previous key's value (indented, or a block list at column 0). */
function continues(line: string): boolean {
  return /^[ \t]/.test(line) || /^-([ \t]|$)/.test(line);
}

/** The [start, end) line range of a top-level key, or null when absent. */
export function keyRange(lines: string[], key: string): [number, number] | null {
  const start = lines.findIndex((l) => keyOfLine(l) === key);
  if (start === -1) return null;
  let end = start + 1;
  let scan = end;
  while (scan < lines.length) {
    const line = lines[scan];
    if (line.trim() === "") {
      scan++; // a blank line belongs to the value only if the value goes on after it
      continue;
    }
    if (!continues(line)) break;
    end = ++scan;
  }
  return [start, end];
}
