import { parseHighlighted } from "@/lib/catalog/highlight";
import { summaryOf } from "@/lib/catalog/summary";

describe("summaryOf", () => {
  it("takes the Summary section's first paragraph, as plain text", () => {
    const body = "# Streaming sync\n\nIntro line.\n\n## Summary\n\nSend **changes** as a [stream](https://x.test) of\nsmall `operations`.\n\nSecond paragraph.\n\n## Motivation\n\nBecause.\n";
    expect(summaryOf(body)).toBe("Send changes as a stream of small operations.");
  });

  it("without a Summary section, takes the first paragraph that is not a heading or code", () => {
    expect(summaryOf("# Title\n\n```ts\nconst x = 1;\n```\n\n> A *quoted* start.\n")).toBe("A quoted start.");
    expect(summaryOf("Why Streaming sync matters.\n")).toBe("Why Streaming sync matters.");
  });

  it("is empty for an empty or heading-only body", () => {
    expect(summaryOf("")).toBe("");
    expect(summaryOf("# Only a title\n")).toBe("");
  });

  it("clips a long paragraph at a word with an ellipsis", () => {
    const s = summaryOf(`${"word ".repeat(200)}end`);
    expect(s.length).toBeLessThanOrEqual(281);
    expect(s.endsWith("word…")).toBe(true);
  });
});

describe("parseHighlighted", () => {
  const O = "\u0002";
  const C = "\u0003";

  it("splits FTS5's marks into plain and hit segments", () => {
    expect(parseHighlighted(`An ${O}event${C} log for ${O}audit${C}`)).toEqual([
      { text: "An ", hit: false },
      { text: "event", hit: true },
      { text: " log for ", hit: false },
      { text: "audit", hit: true },
    ]);
  });

  it("flattens Markdown around the hits, never inside them, and keeps the spaces between", () => {
    expect(parseHighlighted(`## Summary\n\nShort.\n\n## Design\nEvents are **${O}appended${C}** to a [log](x).`, { markdown: true })).toEqual([
      { text: "Short. Events are ", hit: false },
      { text: "appended", hit: true },
      { text: " to a log.", hit: false },
    ]);
  });

  it("keeps the words of a heading the hit is in", () => {
    expect(parseHighlighted(`## The ${O}quokka${C} section\n\nText.`, { markdown: true })).toEqual([
      { text: "The ", hit: false },
      { text: "quokka", hit: true },
      { text: " section Text.", hit: false },
    ]);
  });

  it("is plain text whatever the document holds: HTML stays text, stray marks are dropped", () => {
    const parts = parseHighlighted(`<script>alert(1)</script> ${O}x${C}${C} y${O}`);
    expect(parts.map((p) => p.text).join("")).toBe("<script>alert(1)</script> x y");
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["x"]);
  });
});
