import { isWhite, markupBalanced, type Normalized, normalizeMarkdown } from "./normalize";

// §18: a change applies only where its original occurs once — never at a
// guessed place. Exact text first; then a match that ignores inline Markdown
// markup and whitespace differences, still required to be unique, mapped back
// to the exact source span. The span's text (doc.slice(start, end)) is the
// change's anchor: store it, and staleness (§8.11) checks that text exactly.

export type Span = { start: number; end: number };
export type LocateResult =
  | { ok: true; start: number; end: number; exact: boolean }
  | { ok: false; reason: "missing" | "ambiguous" | "empty"; count?: number };

/** Occurrences of `needle` in `haystack`, overlapping ones included ("aa" in "aaa" is 2). */
export function countOccurrences(haystack: string, needle: string, limit = Infinity): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let at = haystack.indexOf(needle); at >= 0 && count < limit; at = haystack.indexOf(needle, at + 1)) {
    if (count++ === 0) first = at;
  }
  return { count, first };
}

export function locateOriginal(doc: string, original: string): LocateResult {
  if (original.trim() === "") return { ok: false, reason: "empty" };
  const exact = countOccurrences(doc, original);
  if (exact.count === 1) return { ok: true, start: exact.first, end: exact.first + original.length, exact: true };
  if (exact.count > 1) return { ok: false, reason: "ambiguous", count: exact.count };

  const loose = looseMatches(doc, original, 1);
  if (loose.needle === "") return { ok: false, reason: "empty" };
  if (loose.count === 0) return { ok: false, reason: "missing" };
  if (loose.count > 1) return { ok: false, reason: "ambiguous", count: loose.count };
  return { ok: true, ...loose.spans[0], exact: false };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&nbsp;": " " };

/** Models sometimes write `&amp;` for the document's `&`: for a loose match only, the common entities are read as their characters. */
const decodeEntities = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos|nbsp|#39);/g, (e) => ENTITIES[e]);

/**
 * Where `original` occurs ignoring inline markup, whitespace, quote style and entities:
 * how often, and the exact source span of the first `limit` occurrences.
 * Anchors use the one match as their place; a change only as evidence of
 * what the document holds there (§18: a change needs its exact text).
 */
export function looseMatches(doc: string, original: string, limit: number): { needle: string; count: number; spans: Span[] } {
  const needle = normalizeMarkdown(decodeEntities(original)).text.trim();
  if (needle === "") return { needle, count: 0, spans: [] };
  const hay = normalizeMarkdown(doc);
  const spans: Span[] = [];
  let count = 0;
  for (let at = hay.text.indexOf(needle); at >= 0; at = hay.text.indexOf(needle, at + 1)) {
    if (count++ < limit) spans.push(sourceSpan(doc, hay, at, at + needle.length));
  }
  return { needle, count, spans };
}

/**
 * The source span for normalized text [from, to). The tightest span is kept
 * when its markup pairs up (so `**bold**` stays bold when only "bold" is
 * replaced); otherwise it grows over the adjacent markup until it does.
 */
function sourceSpan(doc: string, hay: Normalized, from: number, to: number): Span {
  const start = hay.map[from];
  const end = hay.map[to - 1] + 1;
  let wideStart = start;
  while (wideStart > 0 && hay.dropped[wideStart - 1] && !isWhite(doc[wideStart - 1])) wideStart--;
  let wideEnd = end;
  while (wideEnd < doc.length && hay.dropped[wideEnd] && !isWhite(doc[wideEnd])) wideEnd++;
  const candidates: Span[] = [
    { start, end },
    { start: wideStart, end },
    { start, end: wideEnd },
    { start: wideStart, end: wideEnd },
  ];
  return candidates.find((s) => markupBalanced(hay.tokens, s.start, s.end)) ?? { start, end };
}

export type Applicability =
  | { ok: true; span: Span }
  | { ok: false; reason: "missing" | "ambiguous" | "empty"; count: number; message: string };

/**
 * §8.11 stale rule: a pending change applies only while its original (its
 * anchor text) occurs exactly once in the branch's text. Exact, not fuzzy:
 * the fuzzy match was resolved to exact source text when the change was made.
 */
export function checkApplicable(doc: string, original: string): Applicability {
  if (original === "") return { ok: false, reason: "empty", count: 0, message: "The change has no original text to replace." };
  const { count, first } = countOccurrences(doc, original);
  if (count === 1) return { ok: true, span: { start: first, end: first + original.length } };
  if (count === 0)
    return { ok: false, reason: "missing", count, message: "The original text no longer occurs in the document." };
  return {
    ok: false,
    reason: "ambiguous",
    count,
    message: `The original text now occurs ${count} times in the document, so it is unclear which to change.`,
  };
}

export function isStillApplicable(doc: string, original: string): boolean {
  return checkApplicable(doc, original).ok;
}

export { applyChange, applyMany, overlaps, type ApplyManyResult, type PlannedChange } from "./apply";
