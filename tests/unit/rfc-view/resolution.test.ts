import { mergeSegments } from "@/lib/markdown/merge-blocks";
import { conflictsOf, pickText, resolvedFile, writtenText } from "@/lib/rfc-view/resolution";

// The resolution view's arithmetic (§12): every byte outside the conflicts
// kept, each conflict as the person chose.

const base = "# T\n\nIntro stays.\n\nWe cache for five minutes.\n\nMiddle stays.\n\nStale reads are possible.\n\nTail stays.\n\nEnd.\n";
const ours = base.replace("five", "ten").replace("possible", "rare");
const theirs = base.replace("five", "two").replace("possible", "common").replace("End.", "The end.");

test("picking a side everywhere gives that side, with the other side's clean edits kept", () => {
  const segments = mergeSegments(base, ours, theirs);
  const conflicts = conflictsOf(segments);
  expect(conflicts).toHaveLength(2);
  expect(resolvedFile(segments, conflicts.map((c) => pickText(c, "mine")))).toBe(ours.replace("End.", "The end."));
  expect(resolvedFile(segments, conflicts.map((c) => pickText(c, "theirs")))).toBe(theirs);
});

test("both keeps mine then theirs as separate paragraphs; a written text keeps the blank line after it", () => {
  const segments = mergeSegments(base, ours, theirs);
  const [first, second] = conflictsOf(segments);
  const text = resolvedFile(segments, [pickText(first, "both"), writtenText(second, "Stale reads are rare and short.")]);
  expect(text).toBe("# T\n\nIntro stays.\n\nWe cache for ten minutes.\n\nWe cache for two minutes.\n\nMiddle stays.\n\nStale reads are rare and short.\n\nTail stays.\n\nThe end.\n");
});

test("nothing is committed until every conflict is resolved; an emptied box removes the passage", () => {
  const segments = mergeSegments(base, ours, theirs);
  const [first, second] = conflictsOf(segments);
  expect(resolvedFile(segments, [pickText(first, "mine"), null])).toBeNull();
  expect(resolvedFile(segments, [writtenText(first, "  \n"), pickText(second, "mine")])).toBe("# T\n\nIntro stays.\n\nMiddle stays.\n\nStale reads are rare.\n\nTail stays.\n\nThe end.\n");
});
