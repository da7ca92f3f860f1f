import { gitMergesCleanly } from "@/lib/markdown/line-merge";
import { mergeBlocks } from "@/lib/markdown/merge-blocks";

// Whether Git's line merge would take what the block merge takes (§12
// update from main chooses its path by it).

const base = "# T\n\n## Risks\nStale reads are possible.\n\nMore text.\n\nEnd.\n";

test("edits of touching lines in different blocks: the block merge takes them, Git would not", () => {
  const ours = base.replace("## Risks", "## Risks and limits");
  const theirs = base.replace("possible", "rare");
  expect(mergeBlocks(base, ours, theirs).clean).toBe(true);
  expect(gitMergesCleanly(base, ours, theirs)).toBe(false);
});

test("edits with an unchanged line between them merge in Git too", () => {
  expect(gitMergesCleanly(base, base.replace("# T", "# Title"), base.replace("## Risks", "## Hazards"))).toBe(true);
  expect(gitMergesCleanly(base, base.replace("More text.", "More words."), base.replace("End.", "The end."))).toBe(true);
});

test("one side unchanged, or the same edit on both, always merges", () => {
  const ours = base.replace("End.", "Fin.");
  expect(gitMergesCleanly(base, ours, base)).toBe(true);
  expect(gitMergesCleanly(base, base, ours)).toBe(true);
  expect(gitMergesCleanly(base, ours, ours)).toBe(true);
});

test("both inserting at one place does not", () => {
  expect(gitMergesCleanly(base, `${base}A\n`, `${base}B\n`)).toBe(false);
});
