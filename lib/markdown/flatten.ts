import { type JSONContent, decodeHtmlEntities } from "@tiptap/core";
import { markdownSchema } from "./extensions";

/** One step of a node read in document order: a character with its marks, an atom, or a node boundary. */
export interface Unit {
  /** Equal keys = equal content (character + marks, atom JSON, or node type + attrs). */
  key: string;
  /** The character (one code point) for text, null otherwise. */
  ch: string | null;
  /** The marks of a character. */
  marks?: JSONContent["marks"];
  /** Set for leaf nodes (hard break, image, inline HTML …). */
  atom?: JSONContent;
  /** ProseMirror position relative to the start of the flattened node. */
  pos: number;
}

/** Read `node` in document order (ProseMirror's token order: open, content, close). */
export function flatten(node: JSONContent): Unit[] {
  const out: Unit[] = [];
  let pos = 0;
  const walk = (n: JSONContent) => {
    if (n.type === "text") {
      const marks = n.marks?.length ? JSON.stringify(n.marks) : "";
      for (const ch of n.text ?? "") {
        out.push({ key: `${ch}\u0000${marks}`, ch, marks: n.marks, pos });
        pos += ch.length; // positions count UTF-16 units
      }
    } else if (markdownSchema().nodes[n.type ?? ""]?.isLeaf) {
      out.push({ key: `\u0001${JSON.stringify(n)}`, ch: null, atom: n, pos: pos++ });
    } else {
      out.push({ key: `\u0002${n.type}${JSON.stringify(n.attrs ?? {})}`, ch: null, pos: pos++ });
      n.content?.forEach(walk);
      out.push({ key: "\u0003", ch: null, pos: pos++ });
    }
  };
  walk(node);
  return out;
}

const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|quot|amp);/y;
const IMAGE = /!\[(?:\\.|[^\]\\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?/y;
// The end of a link after its text: closing delimiters of marks inside it,
// then `](destination "title")`, `][label]`, `][]` or `]`.
const LINK_TAIL = /[`*_~]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])?/y;
const linkOf = (u: Unit | undefined) => u?.marks?.find((m) => m.type === "link")?.attrs?.href as string | undefined;

// How far past the last match a character is looked for; bounds the cost of
// characters that have no verbatim form in the source.
const LOOKAHEAD = 2000;

/** Length of the source form of `ch` at `raw[j]`, or 0. */
function matchAt(ch: string, raw: string, j: number): number {
  if (raw.startsWith(ch, j)) return ch.length;
  if (ch === " " && raw[j] === "\n") return 1; // soft line break shown as a space (parser.ts)
  if (raw[j] === "&") {
    ENTITY.lastIndex = j;
    const m = ENTITY.exec(raw);
    if (m && decodeHtmlEntities(m[0]) === ch) return m[0].length;
  }
  return 0;
}

/**
 * Where each unit sits in `raw`, the block's Markdown: a greedy left-to-right
 * match that skips markup. It can be wrong (a character of a link URL may be
 * taken for the text after the link); callers verify every splice by
 * re-parsing, so a wrong guess only costs a fallback.
 */
export function alignToRaw(units: Unit[], raw: string): Array<[number, number] | null> {
  let r = 0;
  return units.map((u, i) => {
    // Leaving a link: step over its destination, whose characters would
    // otherwise be taken for the text that follows.
    const href = linkOf(units[i - 1]);
    if (href !== undefined && linkOf(u) !== href) {
      LINK_TAIL.lastIndex = r;
      const tail = LINK_TAIL.exec(raw);
      if (tail) r += tail[0].length;
    }
    const limit = Math.min(raw.length, r + LOOKAHEAD);
    if (u.ch !== null) {
      for (let j = r; j < limit; j++) {
        const len = matchAt(u.ch, raw, j);
        if (len) {
          r = j + len;
          return [j, r];
        }
      }
      return null;
    }
    const atom = u.atom;
    if (!atom) return null;
    if (atom.type === "htmlInline" || atom.type === "htmlBlock") {
      const html = String(atom.attrs?.html ?? "");
      const at = raw.indexOf(html, r);
      if (at === -1 || at > limit) return null;
      r = at + html.length;
      return [at, r];
    }
    if (atom.type === "image") {
      const at = raw.indexOf("![", r);
      IMAGE.lastIndex = at;
      const m = at === -1 || at > limit ? null : IMAGE.exec(raw);
      if (!m) return null;
      r = at + m[0].length;
      return [at, r];
    }
    if (atom.type === "hardBreak") {
      const at = raw.indexOf("\n", r);
      if (at === -1 || at > limit) return null;
      r = at + 1;
      return [at, r];
    }
    return null;
  });
}
