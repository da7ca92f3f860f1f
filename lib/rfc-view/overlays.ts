import { wordDiff } from "@/lib/changes/word-diff";
import { blockTypeOf } from "./markdown-render";
import { closeMark, keepLinePrefixes, LINE_PREFIX, openMark, type MarkKind } from "./marks";

// What is drawn over the source before rendering (§8.10, §8.12): highlights
// of sub-thread anchors, and pending changes (the original struck through,
// the proposed text inserted after it). Offsets are into the whole source.

export type Overlay =
  | { type: "mark"; kind: Extract<MarkKind, "hl" | "hl-active">; start: number; end: number; ref?: number }
  | { type: "change"; start: number; end: number; proposed: string; ref?: number };

type Event = { pos: number; order: number; text: string };

// An open at a line start moves past the line's block markup (marks.ts).
function shiftPastPrefix(source: string, pos: number): number {
  if (pos > 0 && source[pos - 1] !== "\n") return pos;
  const m = LINE_PREFIX.exec(source.slice(pos, pos + 80));
  return m ? pos + m[1].length : pos;
}

/**
 * A change drawn in place, word by word: words it keeps stay plain, removed
 * words are struck through, added words inserted — readable where a struck
 * sentence followed by its rewrite is not.
 */
export function changeInPlace(original: string, proposed: string, ref?: number, opts: { ignoreWrap?: boolean } = {}): string {
  // A line that becomes another kind of block ("Risks" → "## Risks") changes
  // only its marker, which is structure and shows no mark: the old line is
  // shown struck and the new block inserted below it instead.
  if (original.trim() && proposed.trim() && blockTypeOf(original) !== blockTypeOf(proposed)) {
    return `${openMark("del", ref)}${original}${closeMark("del")}\n\n${keepLinePrefixes(openMark("ins", ref) + proposed + closeMark("ins"))}`;
  }
  return keepLinePrefixes(
    wordDiff(original, proposed, opts)
      .map((s) => (s.kind === "same" ? s.text : s.kind === "removed" ? openMark("del", ref) + s.text + closeMark("del") : openMark("ins", ref) + s.text + closeMark("ins")))
      .join(""),
  );
}

/**
 * The source of [from, to) with the overlays' sentinels in it. Overlays
 * crossing the slice's edges are opened at its start / closed at its end so
 * each block renders on its own. A change that lies inside the slice is
 * drawn word by word in place; one that crosses it strikes its part of the
 * original and inserts the proposal where the original ends.
 */
export function decorateSlice(source: string, from: number, to: number, overlays: readonly Overlay[]): string {
  const events: Event[] = [];
  const replaced: { start: number; end: number; text: string }[] = [];
  for (const o of overlays) {
    if (o.end <= from || o.start >= to || o.end < o.start) continue;
    if (o.type === "change" && o.start >= from && o.end <= to && o.start < o.end) {
      const s = shiftPastPrefix(source, o.start);
      replaced.push({ start: s, end: o.end, text: changeInPlace(source.slice(s, o.end), o.proposed, o.ref) });
      continue;
    }
    const s = shiftPastPrefix(source, Math.max(o.start, from));
    const e = Math.min(o.end, to);
    const kind: MarkKind = o.type === "change" ? "del" : o.kind;
    // Closes sort before opens at one position, so touching marks do not nest.
    if (s < e) {
      events.push({ pos: s, order: 1, text: openMark(kind, o.ref) });
      events.push({ pos: e, order: 0, text: closeMark(kind) });
    }
    if (o.type === "change" && o.end > from && o.end <= to && o.proposed) {
      events.push({ pos: o.end, order: 2, text: openMark("ins", o.ref) + o.proposed + closeMark("ins") });
    }
  }
  // A mark starting or ending inside a replaced change moves to its edge.
  for (const ev of events) {
    const r = replaced.find((x) => ev.pos > x.start && ev.pos < x.end);
    if (r) ev.pos = ev.order === 1 ? r.start : r.end;
  }
  for (const r of replaced) events.push({ pos: r.start, order: 1.5, text: r.text }, { pos: r.end, order: -1, text: "" });
  events.sort((a, b) => a.pos - b.pos || a.order - b.order);
  let out = "";
  let at = from;
  for (const ev of events) {
    if (ev.pos < at) {
      out += ev.text; // an event at the start of a replaced range, emitted after its text
      continue;
    }
    out += source.slice(at, ev.pos) + ev.text;
    at = ev.pos;
    const r = replaced.find((x) => x.start === ev.pos && ev.order === 1.5);
    if (r) at = r.end;
  }
  // A proposal inserted whole (a change crossing the slice) may hold block markers too.
  return keepLinePrefixes(out + source.slice(at, to));
}

/** Drops overlays of one type that overlap an earlier one: two changes at one place cannot both be drawn. */
export function nonOverlapping<T extends { start: number; end: number }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: T[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (!last || it.start >= last.end) out.push(it);
  }
  return out;
}
