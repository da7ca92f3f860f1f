// Inline marks over rendered Markdown: tracked changes (§8.10: deleted text
// struck through, inserted text underlined), DiffView word marks and
// sub-thread highlights (§8.12). Marks are placed in the *source* as private-
// use sentinel characters, the source is rendered, and the sentinels in the
// HTML become tags — closed and reopened around every element boundary so
// the result nests correctly whatever the Markdown around them did.

export type MarkKind = "del" | "ins" | "hl" | "hl-active";

const OPEN: Record<MarkKind, string> = { del: "\uE000", ins: "\uE002", hl: "\uE004", "hl-active": "\uE006" };
const CLOSE: Record<MarkKind, string> = { del: "\uE001", ins: "\uE003", hl: "\uE005", "hl-active": "\uE007" };
const KIND_OF_OPEN = new Map(Object.entries(OPEN).map(([k, v]) => [v, k as MarkKind]));
const KIND_OF_CLOSE = new Map(Object.entries(CLOSE).map(([k, v]) => [v, k as MarkKind]));
const REF_BASE = 0xe100; // an open sentinel may be followed by one ref char: REF_BASE + ref
const MAX_REF = 0x0eff;
const SENTINEL = /[\uE000-\uE007\uE100-\uEFFF]/g;

/** The sentinel text opening a mark, with an optional small integer ref (e.g. an index into changes). */
export function openMark(kind: MarkKind, ref?: number): string {
  return ref === undefined || ref < 0 || ref > MAX_REF ? OPEN[kind] : OPEN[kind] + String.fromCharCode(REF_BASE + ref);
}
export const closeMark = (kind: MarkKind) => CLOSE[kind];

/**
 * Block markup a sentinel must not precede, or the line stops being a
 * heading / list item / quote ("\uE002- new" is a paragraph's text).
 */
export const LINE_PREFIX = /^( {0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|>[ \t]?))/;
const PREFIX_SRC = LINE_PREFIX.source.slice(2, -1); // without the anchor and the group
const SENTINELS_BEFORE_PREFIX = new RegExp(`(^|\\n)((?:${PREFIX_SRC})*)([\\uE000-\\uE007\\uE100-\\uEFFF]+)(${PREFIX_SRC})`, "g");

/**
 * Issue 16: a mark that begins (or ends) at a line start moves past the
 * line's block markers, so an inserted heading or list item renders as a
 * heading or list item with its text marked, never as marked "## " or "- "
 * text. Nested markers ("> - ") are passed one at a time.
 */
export function keepLinePrefixes(marked: string): string {
  let out = marked;
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out.replace(SENTINELS_BEFORE_PREFIX, (_m, start: string, passed: string, sentinels: string, prefix: string) => start + passed + prefix + sentinels);
  }
  return out;
}

/** Removes every sentinel (for text shown or copied outside a rendering). */
export const stripMarks = (s: string) => s.replace(SENTINEL, "");

const TAGS: Record<MarkKind, (ref: number | null) => string> = {
  del: (ref) => `<del class="bg-rose-50 text-rose-800 line-through decoration-rose-400"${ref === null ? "" : ` data-change="${ref}"`}>`,
  ins: (ref) => `<ins class="bg-emerald-50 text-emerald-900 underline decoration-emerald-500 underline-offset-2"${ref === null ? "" : ` data-change="${ref}"`}>`,
  hl: (ref) => `<mark class="cursor-pointer rounded-sm bg-amber-100/70 text-inherit"${ref === null ? "" : ` data-thread="${ref}"`}>`,
  "hl-active": (ref) => `<mark class="rounded-sm bg-amber-300/80 text-inherit ring-1 ring-amber-400"${ref === null ? "" : ` data-thread="${ref}"`}>`,
};
const END_TAG: Record<MarkKind, string> = { del: "</del>", ins: "</ins>", hl: "</mark>", "hl-active": "</mark>" };

type Open = { kind: MarkKind; ref: number | null };

/**
 * Turns the sentinels in rendered HTML into balanced tags. A mark is opened
 * lazily, before the next visible character, and closed before any tag, so
 * no mark ever straddles an element boundary and no empty marks are left.
 * Sentinels inside a tag (an attribute) are dropped.
 */
export function sentinelsToHtml(html: string): string {
  const stack: Open[] = [];
  let emitted = 0; // how many of stack[] are open in the output
  let out = "";
  const closeEmitted = (downTo: number) => {
    for (let k = emitted - 1; k >= downTo; k--) out += END_TAG[stack[k].kind];
    emitted = Math.min(emitted, downTo);
  };
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === "<") {
      const end = html.indexOf(">", i);
      const tag = html.slice(i, end < 0 ? html.length : end + 1);
      closeEmitted(0);
      out += tag.replace(SENTINEL, "");
      i = end < 0 ? html.length : end;
      continue;
    }
    const opens = KIND_OF_OPEN.get(c);
    if (opens) {
      const next = html.charCodeAt(i + 1);
      let ref: number | null = null;
      if (next >= REF_BASE && next <= REF_BASE + MAX_REF) {
        ref = next - REF_BASE;
        i++;
      }
      stack.push({ kind: opens, ref });
      continue;
    }
    const closes = KIND_OF_CLOSE.get(c);
    if (closes) {
      const at = stack.map((o) => o.kind).lastIndexOf(closes);
      if (at >= 0) {
        closeEmitted(at);
        stack.splice(at, 1);
      }
      continue;
    }
    if (c.charCodeAt(0) >= REF_BASE && c.charCodeAt(0) <= REF_BASE + MAX_REF) continue; // stray ref char
    if (emitted < stack.length && !/\s/.test(c)) {
      for (let k = emitted; k < stack.length; k++) out += TAGS[stack[k].kind](stack[k].ref);
      emitted = stack.length;
    }
    out += c;
  }
  closeEmitted(0);
  return out;
}
