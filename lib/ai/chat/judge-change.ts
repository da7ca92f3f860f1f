import type { ChangeDetails } from "@/lib/changes/details";
import { countOccurrences, looseMatches, type Span } from "@/lib/changes/locate";
import type { ChangeEvent } from "@/lib/changes/parser";

// §18: what a complete change block becomes when its row is created. Pure:
// the caller passes the document text at the branch head the reply is based on.
//
// - Exact or invalid: the original must occur exactly once in the Markdown
//   source. Text that matches only when markup, spacing or quote style is
//   ignored is never applied (accepting it would drop the `**` and link
//   targets the model left out); the card is invalid and shows what the
//   document holds there (details.documentHas), which is also what a repair
//   gets to correct the block (repair-change.ts).
// - In a sub-thread (§8.12) the change must lie inside the passage's blocks.
// - On main nothing is committed: a valid change is `buffered` (§8.14).

export type ChangeVerdict = {
  status: "pending" | "buffered" | "invalid";
  statusReason: string | null;
  details: ChangeDetails;
  /** Whether asking the model again with the document's exact text may fix it. */
  repairable: boolean;
};

export type JudgeInput = {
  doc: string;
  change: Pick<ChangeEvent, "original" | "proposed">;
  onMain: boolean;
  /** The sub-thread's passage: null for a branch's main thread, "detached" when its text is gone. */
  scope: Span | "detached" | null;
};

/** How many places a card shows (and a repair is given) at most. */
const SHOWN = 3;

const invalid = (statusReason: string, details: ChangeDetails = {}, repairable = false): ChangeVerdict => ({
  status: "invalid",
  statusReason,
  details,
  repairable,
});

/** The paragraph around a span: what tells two occurrences of the same words apart. */
function paragraphOf(doc: string, span: Span): string {
  const before = doc.lastIndexOf("\n\n", span.start);
  const after = doc.indexOf("\n\n", span.end);
  return doc.slice(before < 0 ? 0 : before + 2, after < 0 ? doc.length : after).replace(/\n+$/, "");
}

const times = (n: number) => (n === 2 ? "twice" : `${n} times`);

export function judgeChange({ doc, change, onMain, scope }: JudgeInput): ChangeVerdict {
  const { original } = change;
  if (original.trim() === "") return invalid("The change names no original text to replace.");
  const exact = countOccurrences(doc, original);
  if (exact.count > 1) {
    const spans: Span[] = [];
    for (let at = exact.first; at >= 0 && spans.length < SHOWN; at = doc.indexOf(original, at + 1)) spans.push({ start: at, end: at + original.length });
    const documentHas = [...new Set(spans.map((s) => paragraphOf(doc, s)))];
    return invalid(
      `The original text occurs ${times(exact.count)} in the document, so it is unclear which to change.`,
      { matched: "ambiguous", documentHas },
      true,
    );
  }
  if (exact.count === 0) {
    const loose = looseMatches(doc, original, SHOWN);
    if (loose.count === 0) return invalid("The original text does not occur in the document.");
    // One place: its exact source. Several: their paragraphs, which tell them apart.
    const documentHas = loose.count === 1 ? [doc.slice(loose.spans[0].start, loose.spans[0].end)] : [...new Set(loose.spans.map((s) => paragraphOf(doc, s)))];
    const reason =
      loose.count === 1
        ? "The original text is not in the document exactly as written: the document's markup, spacing or quotes differ."
        : `Text like the original occurs ${times(loose.count)} in the document, and never exactly as written.`;
    return invalid(reason, { matched: "loose", documentHas }, true);
  }
  const span = { start: exact.first, end: exact.first + original.length };
  if (scope === "detached") return invalid("The passage this sub-thread is about is no longer in the document.");
  if (scope && (span.start < scope.start || span.end > scope.end)) return invalid("The change lies outside the passage this sub-thread is about.");
  if (change.proposed === original) return invalid("The proposed text is the same as the original.");
  return { status: onMain ? "buffered" : "pending", statusReason: null, details: {}, repairable: false };
}
