import { CONTEXT_CHARS, type RangeAnchor, type Resolved } from "./types";

// §8.12 range anchors: the quoted text plus ~32 characters before and after,
// so a comment follows its passage when text around it moves, and shows as
// detached when the passage itself is gone — never silently moved.

/** The anchor for [start, end) of `text`. */
export function captureRange(text: string, start: number, end: number): Omit<RangeAnchor, "kind"> {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

/** How many characters of `prefix` end right before `at` (read backwards). */
function prefixMatch(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text[at - n - 1] === prefix[prefix.length - n - 1]) n++;
  return n;
}

/** How many characters of `suffix` start right after `at`. */
function suffixMatch(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n;
}

/**
 * Re-anchors against the current text. One occurrence of the quote: there,
 * whatever happened around it. Several: the one whose surroundings best match
 * the stored context; detached when none matches any context, because then
 * choosing one would be a guess.
 */
export function resolveRange(text: string, anchor: Pick<RangeAnchor, "quote" | "prefix" | "suffix">): Resolved {
  const { quote, prefix, suffix } = anchor;
  if (!quote) return { state: "detached" };
  const hits = occurrences(text, quote);
  if (hits.length === 0) return { state: "detached" };
  if (hits.length === 1) return { state: "attached", start: hits[0], end: hits[0] + quote.length };
  let best = -1;
  let bestScore = 0;
  for (const at of hits) {
    const score = prefixMatch(text, at, prefix) + suffixMatch(text, at + quote.length, suffix);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best < 0 ? { state: "detached" } : { state: "attached", start: best, end: best + quote.length };
}
