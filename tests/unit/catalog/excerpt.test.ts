import { ELLIPSIS, excerpt, HIT_CLOSE as C, HIT_OPEN as O, parseHighlighted } from "@/lib/catalog/highlight";

// A passage around the first hit of a wholly marked column (PostgreSQL's
// ts_headline with HighlightAll), cut as FTS5's snippet() cuts (issue 19).

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(" ");

describe("excerpt", () => {
  it("keeps a text of at most the word count whole, punctuation included", () => {
    const text = `How ${O}graduation${C} turns a draft into a repo.`;
    expect(excerpt(text, 18)).toBe(text);
  });

  it("cuts around the first hit with a few words of lead-in and ellipses where it cut", () => {
    const text = `${words(30)} ${O}needle${C} ${words(30, 30)}.`;
    const cut = excerpt(text, 10);
    expect(cut).toBe(`${ELLIPSIS}w28 w29 ${O}needle${C} w30 w31 w32 w33 w34 w35 w36${ELLIPSIS}`);
    expect(parseHighlighted(cut).filter((s) => s.hit)).toEqual([{ text: "needle", hit: true }]);
  });

  it("starts at the beginning when the hit is near it, and ends at the end when the hit is near that", () => {
    expect(excerpt(`${O}first${C} ${words(20)}`, 5)).toBe(`${O}first${C} w0 w1 w2 w3${ELLIPSIS}`);
    expect(excerpt(`${words(20)} ${O}last${C}.`, 5)).toBe(`${ELLIPSIS}w16 w17 w18 w19 ${O}last${C}.`);
  });

  it("keeps the marks of a hit at either edge of the cut", () => {
    const cut = excerpt(`${words(10)} ${O}a b${C} ${words(10, 10)}`, 4);
    expect(cut).toBe(`${ELLIPSIS}${O}a b${C} w10 w11${ELLIPSIS}`);
    // Cut inside a hit, the passage ends in it and the hit stays a hit.
    const inside = excerpt(`${words(10)} ${O}a b c d e${C} ${words(10, 10)}`, 3);
    expect(inside).toBe(`${ELLIPSIS}${O}a b c${C}${ELLIPSIS}`);
    expect(parseHighlighted(inside)).toEqual([
      { text: "…", hit: false },
      { text: "a b c", hit: true },
      { text: "…", hit: false },
    ]);
  });

  it("gives the first words of a text without a hit", () => {
    expect(excerpt(words(30), 3)).toBe(`w0 w1 w2${ELLIPSIS}`);
  });

  it("counts words in any script, marks and punctuation aside", () => {
    expect(excerpt(`Le café — ${O}prêt${C} 日本語 «oui» x`, 5)).toBe(`${ELLIPSIS}café — ${O}prêt${C} 日本語 «oui» x`);
  });
});
