import { applyChange, applyMany, checkApplicable, isStillApplicable, locateOriginal, overlaps } from "@/lib/changes/locate";
import { diffStats, wordDiff } from "@/lib/changes/word-diff";

// §18: an original maps to one exact span or to a reason — never a guess.

const span = (doc: string, original: string) => {
  const r = locateOriginal(doc, original);
  return r.ok ? { text: doc.slice(r.start, r.end), exact: r.exact } : r;
};

describe("locateOriginal", () => {
  it.each([
    // [document, original, expected span text or failure, exact?]
    ["The quick brown fox.", "quick brown", "quick brown", true],
    ["a **bold** b", "bold", "bold", true],
    ["**bold** text here", "bold text", "**bold** text", false],
    ["text *it* end", "text it", "text *it*", false],
    ["see [the docs](http://x.org/a_b) now", "see the docs now", "see [the docs](http://x.org/a_b) now", false],
    ["see [the docs](http://x) now", "the docs", "the docs", true],
    ["Use `npm install` first", "Use npm install first", "Use `npm install` first", false],
    ["line one  \r\nline two", "line one\nline two", "line one  \r\nline two", false],
    ["wrapped\nparagraph text", "wrapped paragraph text", "wrapped\nparagraph text", false],
    ["don\u2019t panic", "don't panic", "don\u2019t panic", false],
    ["x snake_case y", "snake_case y", "snake_case y", true],
    ["A **strong claim** here.", "A strong claim here.", "A **strong claim** here.", false],
    ["A **strong claim** here.", "strong claim", "strong claim", true],
    ["pre **bold", "pre bold", "pre **bold", false],
  ])("%j ← %j", (doc, original, text, exact) => {
    expect(span(doc, original)).toEqual({ text, exact });
  });

  it.each([
    ["a b a b", "a b", "ambiguous", 2],
    ["a  b a b", "a\nb", "ambiguous", 2],
    ["**x** and x", "x", "ambiguous", 2],
    ["aaa", "aa", "ambiguous", 2],
    ["**x** y and x  y", "x y", "ambiguous", 2],
    ["hello world", "goodbye", "missing", undefined],
    ["hello world", "hello  planet", "missing", undefined],
    ["anything", "", "empty", undefined],
    ["anything", "  \n ", "empty", undefined],
    ["anything", "**", "missing", undefined], // a lone ** is text, not markup
  ])("%j ← %j is %s", (doc, original, reason, count) => {
    const r = locateOriginal(doc, original);
    expect(r).toEqual(count === undefined ? { ok: false, reason } : { ok: false, reason, count });
  });

  it("returns offsets into the document, not the normalised text", () => {
    const doc = "# Title\n\nSome *emphasis*   and\nmore.\n";
    const r = locateOriginal(doc, "Some emphasis and more.");
    expect(r).toEqual({ ok: true, start: 9, end: 36, exact: false });
  });
});

describe("§8.11 stale rule", () => {
  it("applies while the original occurs exactly once", () => {
    expect(checkApplicable("one two three", "two")).toEqual({ ok: true, span: { start: 4, end: 7 } });
    expect(isStillApplicable("one two three", "two")).toBe(true);
  });

  it("says why a change went stale", () => {
    const gone = checkApplicable("one three", "two");
    expect(gone).toMatchObject({ ok: false, reason: "missing", count: 0 });
    const twice = checkApplicable("two and two", "two");
    expect(twice).toMatchObject({ ok: false, reason: "ambiguous", count: 2 });
    expect(!twice.ok && twice.message).toMatch(/2 times/);
    expect(checkApplicable("x", "")).toMatchObject({ ok: false, reason: "empty" });
  });

  it("is exact: a fuzzy match is not enough (anchor text is what gets checked)", () => {
    expect(isStillApplicable("**bold** text", "bold text")).toBe(false);
    expect(isStillApplicable("**bold** text", "**bold** text")).toBe(true);
  });
});

describe("applying changes", () => {
  it("replaces exactly the span", () => {
    expect(applyChange("one two three", { start: 4, end: 7 }, "2")).toBe("one 2 three");
    expect(() => applyChange("abc", { start: 2, end: 9 }, "x")).toThrow(RangeError);
  });

  it("detects overlaps; touching spans do not overlap", () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 8 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 8 })).toBe(false);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 })).toBe(true);
  });

  it("applies several from the end so offsets hold", () => {
    const doc = "alpha beta gamma delta";
    const result = applyMany(doc, [
      { id: "c1", span: { start: 0, end: 5 }, proposed: "ALPHA!" },
      { id: "c3", span: { start: 17, end: 22 }, proposed: "D" },
      { id: "c2", span: { start: 6, end: 10 }, proposed: "" },
    ]);
    expect(result).toEqual({ ok: true, text: "ALPHA!  gamma D" });
  });

  it("refuses overlapping changes and names them", () => {
    const result = applyMany("alpha beta gamma", [
      { id: "a", span: { start: 0, end: 10 }, proposed: "x" },
      { id: "b", span: { start: 6, end: 16 }, proposed: "y" },
      { id: "c", span: { start: 11, end: 16 }, proposed: "z" },
    ]);
    expect(result).toMatchObject({ ok: false, conflicts: [["a", "b"], ["b", "c"]] });
    expect(!result.ok && result.message).toContain("a and b");
  });
});

describe("wordDiff (§8.8)", () => {
  it("marks removed and added words", () => {
    const segments = wordDiff("the quick brown fox", "the slow brown fox jumps");
    expect(segments).toEqual([
      { kind: "same", text: "the " },
      { kind: "removed", text: "quick" },
      { kind: "added", text: "slow" },
      { kind: "same", text: " brown fox" },
      { kind: "added", text: " jumps" },
    ]);
    expect(diffStats(segments)).toEqual({ added: 2, removed: 1 });
  });

  it("can ignore a re-wrapped line, but not a paragraph break (issue 16)", () => {
    expect(wordDiff("one two\nthree four", "one two three five", { ignoreWrap: true })).toEqual([
      { kind: "same", text: "one two three " },
      { kind: "removed", text: "four" },
      { kind: "added", text: "five" },
    ]);
    expect(wordDiff("one\n\ntwo", "one two", { ignoreWrap: true })).toEqual([
      { kind: "same", text: "one" },
      { kind: "removed", text: "\n\n" },
      { kind: "added", text: " " },
      { kind: "same", text: "two" },
    ]);
  });

  it("rebuilds both sides from the segments", () => {
    const original = "Line one.\n\nLine  two **bold**.";
    const proposed = "Line one!\nLine two *it*.";
    const segments = wordDiff(original, proposed);
    expect(segments.filter((s) => s.kind !== "added").map((s) => s.text).join("")).toBe(original);
    expect(segments.filter((s) => s.kind !== "removed").map((s) => s.text).join("")).toBe(proposed);
  });
});
