import type { Span } from "./locate";

// Applying located changes. "Accept selected" applies several at once: their
// spans must not overlap, and they are applied from the end of the document
// backwards so that each earlier span's offsets still hold.

export type PlannedChange = { id: string; span: Span; proposed: string };
export type ApplyManyResult = { ok: true; text: string } | { ok: false; conflicts: Array<[string, string]>; message: string };

function assertSpan(doc: string, span: Span): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= doc.length)) {
    throw new RangeError(`Span ${span.start}..${span.end} is outside a document of ${doc.length} characters`);
  }
}

export function applyChange(doc: string, span: Span, proposed: string): string {
  assertSpan(doc, span);
  return doc.slice(0, span.start) + proposed + doc.slice(span.end);
}

/** Spans that share at least one character; touching spans do not overlap. */
export function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start; // two insertions at one point: order unknowable
  return a.start < b.end && b.start < a.end;
}

export function applyMany(doc: string, changes: readonly PlannedChange[]): ApplyManyResult {
  for (const c of changes) assertSpan(doc, c.span);
  const sorted = [...changes].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const conflicts: Array<[string, string]> = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].span.start <= sorted[i].span.end; j++) {
      if (overlaps(sorted[i].span, sorted[j].span)) conflicts.push([sorted[i].id, sorted[j].id]);
    }
  }
  if (conflicts.length > 0) {
    const list = conflicts.map(([a, b]) => `${a} and ${b}`).join(", ");
    return { ok: false, conflicts, message: `These changes touch the same text and cannot be accepted together: ${list}.` };
  }
  let text = doc;
  for (let i = sorted.length - 1; i >= 0; i--) text = applyChange(text, sorted[i].span, sorted[i].proposed);
  return { ok: true, text };
}
