import type { JSONContent } from "@tiptap/core";
import { type Unit, alignToRaw, flatten } from "./flatten";
import type { MarkdownParser } from "./parser";

// §8: editing one word must change only that word's line. Instead of
// re-serialising an edited block, find the words that changed and replace
// just their characters in the block's Markdown. Every candidate is checked
// by the caller (re-parse and compare), so the guesses here may be wrong.

const WORD = /[\p{L}\p{N}_]/u;
const isWord = (u: Unit | undefined) => !!u?.ch && WORD.test(u.ch);
const chars = (units: Unit[]) => units.map((u) => u.ch ?? "\uFFFC").join("");

/** Characters that could start Markdown syntax inside a line. */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>~|]/g, "\\$&").replace(/&/g, "&amp;");

/** The changed stretch of two unit sequences, widened to whole words. */
function changedStretch(a: Unit[], b: Unit[]) {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a[p].key === b[p].key) p++;
  let s = 0;
  while (s < max - p && a[a.length - 1 - s].key === b[b.length - 1 - s].key) s++;
  if (p === a.length && p === b.length) return null;
  while (p > 0 && isWord(a[p - 1])) p--;
  while (s > 0 && isWord(a[a.length - s])) s--;
  return { p, oldEnd: a.length - s, newEnd: b.length - s };
}

/** The `k`-th place the old words occur in `raw`, if they occur there as often as in the text. */
function byOccurrence(text: string, words: string, at: number, raw: string): [number, number] | null {
  if (!words.trim()) return null;
  let k = 0;
  let total = 0;
  for (let i = text.indexOf(words); i !== -1; i = text.indexOf(words, i + 1)) {
    if (i < at) k++;
    total++;
  }
  const pattern = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "(?: |[ \\t]*\\n[ \\t]*)");
  const re = new RegExp(pattern, "g");
  const found: Array<[number, number]> = [];
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    found.push([m.index, m.index + m[0].length]);
    re.lastIndex = m.index + 1;
  }
  return found.length === total ? found[k] : null;
}

type Marks = NonNullable<JSONContent["marks"]>;
const markKey = (m: Marks[number]) => JSON.stringify(m);

/** Text nodes for `units` (all characters), leaving out the marks in `context`. */
function textNodes(units: Unit[], context: Marks): JSONContent[] {
  const drop = new Set(context.map(markKey));
  const nodes: JSONContent[] = [];
  for (const u of units) {
    const marks = (u.marks ?? []).filter((m) => !drop.has(markKey(m)));
    const last = nodes[nodes.length - 1];
    if (last && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += u.ch ?? "";
    else nodes.push(marks.length ? { type: "text", text: u.ch ?? "", marks } : { type: "text", text: u.ch ?? "" });
  }
  return nodes;
}

/**
 * Markdown for the inserted characters when their marks changed (a word made
 * bold): tiptap writes the words with their marks, minus the marks already
 * open around them in the source.
 */
function formattedReplacements(a: Unit[], p: number, oldEnd: number, inserted: Unit[], parser: MarkdownParser): string[] {
  if (inserted.length === 0) return [];
  const before = a[p - 1]?.marks ?? [];
  const after = a[oldEnd]?.marks ?? [];
  const both = before.filter((m) => after.some((n) => markKey(n) === markKey(m)));
  return [[], both, before, after].map((context) => parser.serialize([{ type: "paragraph", content: textNodes(inserted, context) }]));
}

/**
 * `[old words]` and `[old words][]` are reference links whose text is also
 * their label: editing the text would break the link, so the edited text
 * keeps the old label, `[new words][old words]`.
 */
function asFullReference(raw: string, from: number, to: number, replacement: string): string | null {
  const open = raw.lastIndexOf("[", from - 1);
  const close = raw.indexOf("]", to);
  if (open === -1 || close === -1 || raw.slice(open, from).includes("]") || raw.slice(to, close).includes("[")) return null;
  const after = raw.slice(close + 1, close + 3);
  if (after.startsWith("(") || (after.startsWith("[") && after !== "[]")) return null;
  const label = raw.slice(open + 1, close);
  const text = raw.slice(open + 1, from) + replacement + raw.slice(to, close);
  return `${raw.slice(0, open)}[${text}][${label}]${raw.slice(close + 1 + (after === "[]" ? 2 : 0))}`;
}

/**
 * Candidate Markdown texts for `raw` (the text of `oldNode`) after the edit
 * that turned `oldNode` into `newNode`, best first. Empty when the edit is
 * more than a change of plain characters.
 */
export function textSpliceCandidates(oldNode: JSONContent, newNode: JSONContent, raw: string, parser: MarkdownParser): string[] {
  const a = flatten(oldNode);
  const b = flatten(newNode);
  const stretch = changedStretch(a, b);
  if (!stretch) return [raw];
  const { p, oldEnd, newEnd } = stretch;
  const removed = a.slice(p, oldEnd);
  const inserted = b.slice(p, newEnd);
  if (removed.some((u) => u.ch === null) || inserted.some((u) => u.ch === null)) return [];

  const ranges: Array<[number, number]> = [];
  const text = chars(a);
  const at = chars(a.slice(0, p)).length;
  const occurrence = byOccurrence(text, chars(removed), at, raw);
  if (occurrence) ranges.push(occurrence);
  const pos = alignToRaw(a, raw);
  if (removed.length > 0) {
    const first = pos[p];
    const last = pos[oldEnd - 1];
    if (first && last && first[0] <= last[1]) ranges.push([first[0], last[1]]);
  } else {
    // Pure insertion: attach to the character before, or else the one after.
    const before = p > 0 ? pos[p - 1] : null;
    const after = p < a.length ? pos[p] : null;
    if (before) ranges.push([before[1], before[1]]);
    if (after) ranges.push([after[0], after[0]]);
  }

  const plain = chars(inserted);
  const replacements = [...new Set([plain, escapeInline(plain), ...formattedReplacements(a, p, oldEnd, inserted, parser)])];
  const out = new Set<string>();
  for (const [from, to] of ranges) for (const r of replacements) out.add(raw.slice(0, from) + r + raw.slice(to));
  const linked = removed.length > 0 && removed.every((u) => u.marks?.some((m) => m.type === "link"));
  if (linked) {
    for (const [from, to] of ranges) {
      const full = asFullReference(raw, from, to, plain);
      if (full) out.add(full);
    }
  }
  return [...out];
}
