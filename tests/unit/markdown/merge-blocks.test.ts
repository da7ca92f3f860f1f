import { mergeBlocks, splitBlocks } from "@/lib/rfc-view/block-merge";

// §8.11 Merge after a refused flush: the user's changed blocks onto the new head, or nothing.

const base = "# Title\n\nIntro paragraph.\n\n## Motivation\n\nWe need this.\n\n## Design\n\nDo it so.\n";

test("blocks join back to the exact text, fences with blank lines stay one block", () => {
  const text = "a\nb\n\n\n```\nx\n\ny\n```\n\nlast";
  const blocks = splitBlocks(text);
  expect(blocks.join("")).toBe(text);
  expect(blocks).toEqual(["a\nb\n\n\n", "```\nx\n\ny\n```\n\n", "last"]);
  expect(splitBlocks("")).toEqual([]);
});

test("edits of different blocks merge", () => {
  const mine = base.replace("We need this.", "We really need this.");
  const theirs = base.replace("Do it so.", "Do it like this.");
  expect(mergeBlocks(base, mine, theirs)).toEqual({ clean: true, text: base.replace("We need this.", "We really need this.").replace("Do it so.", "Do it like this.") });
});

test("edits of neighbouring blocks merge", () => {
  const mine = base.replace("Intro paragraph.", "Intro, shorter.");
  const theirs = base.replace("## Motivation", "## Why");
  const r = mergeBlocks(base, mine, theirs);
  expect(r).toEqual({ clean: true, text: base.replace("Intro paragraph.", "Intro, shorter.").replace("## Motivation", "## Why") });
});

test("an added block on each side at different places merges", () => {
  const mine = base.replace("We need this.\n", "We need this.\n\nA new paragraph.\n");
  const theirs = base + "\n## Drawbacks\n\nNone.\n";
  const r = mergeBlocks(base, mine, theirs);
  expect(r.clean).toBe(true);
  if (r.clean) {
    expect(r.text).toContain("A new paragraph.");
    expect(r.text).toContain("## Drawbacks");
  }
});

test("both sides editing one block is a conflict, never a guess", () => {
  const mine = base.replace("We need this.", "We need this badly.");
  const theirs = base.replace("We need this.", "We want this.");
  expect(mergeBlocks(base, mine, theirs)).toEqual({ clean: false, conflicts: 1 });
});

test("the same edit on both sides is taken once", () => {
  const both = base.replace("Do it so.", "Do it.");
  expect(mergeBlocks(base, both, both)).toEqual({ clean: true, text: both });
});

test("no edit of mine gives theirs; no change of theirs gives mine", () => {
  const other = base.replace("Do it so.", "X.");
  expect(mergeBlocks(base, base, other)).toEqual({ clean: true, text: other });
  expect(mergeBlocks(base, other, base)).toEqual({ clean: true, text: other });
});

test("both inserting at one place conflicts", () => {
  const mine = base.replace("We need this.\n", "We need this.\n\nMine.\n");
  const theirs = base.replace("We need this.\n", "We need this.\n\nTheirs.\n");
  expect(mergeBlocks(base, mine, theirs).clean).toBe(false);
});
