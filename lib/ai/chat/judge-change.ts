import { locateOriginal, type Span } from "@/lib/changes/locate";
import type { ChangeEvent } from "@/lib/changes/parser";

// §18: what a complete change block becomes when its row is created. Pure:
// the caller passes the document text at the branch head the reply is based on.
//
// - The original must occur exactly once (exactly, or ignoring Markdown markup
//   and whitespace but still uniquely); otherwise the row is `invalid` with the
//   reason, and it is never applied to a guessed place.
// - A loose match stores the exact document span as `original` (the model's
//   text goes to details.modelOriginal): the §8.11 stale rule and accept check
//   the stored text exactly, so storing the model's text would make the change
//   stale after the next commit.
// - In a sub-thread (§8.12) the change must lie inside the passage's blocks.
// - On main nothing is committed: a valid change is `buffered` (§8.14).

export type ChangeVerdict = {
  status: "pending" | "buffered" | "invalid";
  statusReason: string | null;
  original: string;
  details: { modelOriginal: string; matched: "loose" } | null;
};

export type JudgeInput = {
  doc: string;
  change: Pick<ChangeEvent, "original" | "proposed">;
  onMain: boolean;
  /** The sub-thread's passage: null for a branch's main thread, "detached" when its text is gone. */
  scope: Span | "detached" | null;
};

const invalid = (original: string, statusReason: string): ChangeVerdict => ({ status: "invalid", statusReason, original, details: null });

export function judgeChange({ doc, change, onMain, scope }: JudgeInput): ChangeVerdict {
  const located = locateOriginal(doc, change.original);
  if (!located.ok) {
    if (located.reason === "empty") return invalid(change.original, "The change names no original text to replace.");
    if (located.reason === "missing") return invalid(change.original, "The original text does not occur in the document.");
    return invalid(
      change.original,
      `The original text occurs ${located.count ?? "several"} times in the document, so it is unclear which to change.`,
    );
  }
  const original = doc.slice(located.start, located.end);
  const details = located.exact ? null : ({ modelOriginal: change.original, matched: "loose" } as const);
  if (scope === "detached") {
    return { ...invalid(original, "The passage this sub-thread is about is no longer in the document."), details };
  }
  if (scope && (located.start < scope.start || located.end > scope.end)) {
    return { ...invalid(original, "The change lies outside the passage this sub-thread is about."), details };
  }
  if (change.proposed === original) return { ...invalid(original, "The proposed text is the same as the original."), details };
  return { status: onMain ? "buffered" : "pending", statusReason: null, original, details };
}
