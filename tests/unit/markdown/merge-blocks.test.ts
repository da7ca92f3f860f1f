import { mergeBlocks, mergeUnits } from "@/lib/markdown/merge-blocks";

// The one three-way merge: §8.11 Merge after a refused flush (the user's
// changed blocks onto the new head, or nothing) and §12 update from main.

const base = "# Title\n\nIntro paragraph.\n\n## Motivation\n\nWe need this.\n\n## Design\n\nDo it so.\n";

test("blocks join back to the exact text, fences with blank lines stay one block", () => {
  const text = "a\nb\n\n\n```\nx\n\ny\n```\n\nlast";
  const blocks = mergeUnits(text);
  expect(blocks.join("")).toBe(text);
  expect(blocks).toEqual(["a\nb\n\n\n", "```\nx\n\ny\n```\n\n", "last"]);
  expect(mergeUnits("")).toEqual([]);
  const crlf = "# T\r\n\r\nA\r\nB\r\n\r\nC\r\n";
  expect(mergeUnits(crlf).join("")).toBe(crlf);
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
  expect(mergeBlocks(base, mine, theirs)).toEqual({
    clean: false,
    conflicts: [{ base: "We need this.\n", ours: "We need this badly.\n", theirs: "We want this.\n", oursStartLine: 7 }],
  });
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

describe("§12 update from main", () => {
  const doc = "# T\n\nA one.\n\nB two.\n\nC three.\n";
  it.each([
    { name: "only main changed", ours: doc, theirs: doc.replace("C three", "C 3"), want: doc.replace("C three", "C 3") },
    { name: "only the branch changed", ours: doc.replace("A one", "A 1"), theirs: doc, want: doc.replace("A one", "A 1") },
    { name: "different blocks changed", ours: doc.replace("A one", "A 1"), theirs: doc.replace("C three", "C 3"), want: doc.replace("A one", "A 1").replace("C three", "C 3") },
    { name: "the same change on both sides", ours: doc.replace("B two", "B 2"), theirs: doc.replace("B two", "B 2"), want: doc.replace("B two", "B 2") },
    { name: "main appended", ours: doc.replace("A one", "A 1"), theirs: `${doc}\nD four.\n`, want: `${doc.replace("A one", "A 1")}\nD four.\n` },
  ])("is clean when $name", ({ ours, theirs, want }) => {
    expect(mergeBlocks(doc, ours, theirs)).toEqual({ clean: true, text: want });
  });

  it("reports the conflicting hunk, with its line in the branch, when both changed one paragraph", () => {
    expect(mergeBlocks(doc, doc.replace("B two", "B deux"), doc.replace("B two", "B zwei"))).toEqual({
      clean: false,
      conflicts: [{ base: "B two.\n", ours: "B deux.\n", theirs: "B zwei.\n", oursStartLine: 5 }],
    });
  });

  it("treats changes to different lines of one paragraph as a conflict, never a guess", () => {
    expect(mergeBlocks("l1\nl2\nl3\n", "l1\nX2\nl3\n", "l1\nl2\nY3\n").clean).toBe(false);
  });
});
