import "server-only";
import { db } from "@/lib/db/client";
import { changesBeingAccepted } from "@/lib/writes/journal";
import { markStale } from "./decide/status";
import { checkApplicable, countOccurrences, overlaps, type Span } from "./locate";

/** What an accepted change rewrote: the spans it replaced, in the text before its commit. */
export type Rewrote = { before: string; spans: Span[] };

export const REWRITTEN_REASON = "A change accepted meanwhile rewrote part of the text this change quotes, so it no longer reads as it did when this change was proposed.";

/**
 * The spans a commit of these accepted originals replaced in `before`: each
 * original occurs there exactly once (commit-changes checked it).
 */
export function rewroteBy(before: string, originals: string[]): Rewrote {
  const spans = originals.flatMap((o) => {
    const check = checkApplicable(before, o);
    return check.ok ? [check.span] : [];
  });
  return { before, spans };
}

/** The pending change's quoted text was (partly) replaced by the accepted change, though its string may still occur. */
function rewritten(original: string, rewrote: Rewrote | undefined): boolean {
  if (!rewrote) return false;
  const { count, first } = countOccurrences(rewrote.before, original, 2);
  if (count !== 1) return false;
  const span = { start: first, end: first + original.length };
  return rewrote.spans.some((s) => overlaps(s, span));
}

/**
 * §8.11 stale rule, the one place it lives: after any commit to a branch,
 * every pending change on it whose original no longer occurs exactly once in
 * the new text becomes `stale`, with the reason shown on its card. Call it
 * after every commit (manual edit flush, change accept, update from main).
 * After an accept (`rewrote`), a change whose quoted text the accepted one
 * replaced is stale too even when its string still occurs: overlapping
 * changes exclude each other, as "Accept selected" refuses them together, so
 * two overlapping accepts give one commit whichever takes the branch lock
 * first ("five minutes" → "five minutes, or until a write" leaves "every
 * response for five minutes" in the text, but not the sentence it was
 * proposed for). A change whose accept is still being written (an open
 * journal row, lib/writes) is never judged by the text its own commit made:
 * it is left for that accept to settle (issue 13 item 4). Returns the ids
 * that became stale.
 */
export async function markStaleChanges({ slug, branch, text, exclude = [], rewrote }: { slug: string; branch: string; text: string; exclude?: string[]; rewrote?: Rewrote }): Promise<string[]> {
  const [rows, accepting] = await Promise.all([
    db().change.findMany({ where: { rfcSlug: slug, branch, status: "pending" } }),
    changesBeingAccepted(slug, branch),
  ]);
  const pending = rows.filter((c) => !accepting.has(c.id) && !exclude.includes(c.id));
  const stale: string[] = [];
  for (const change of pending) {
    const check = checkApplicable(text, change.original);
    const reason = !check.ok ? check.message : rewritten(change.original, rewrote) ? REWRITTEN_REASON : null;
    if (reason === null) continue;
    // Only a still-pending row turns stale: an accept racing with us wins.
    if (await markStale(change, reason)) stale.push(change.id);
  }
  return stale;
}
