import { captureRange, resolveRange } from "@/lib/anchors";

const doc = [
  "# Caching",
  "",
  "We cache every response for five minutes unless the client asks otherwise.",
  "",
  "## Risks",
  "",
  "Stale reads are possible for five minutes after a write.",
  "",
].join("\n");

const anchorOn = (text: string, quote: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  return captureRange(text, at, at + quote.length);
};

describe("range anchors (§8.12)", () => {
  it("captures the quote with up to 32 characters of context each side", () => {
    const a = anchorOn(doc, "every response");
    expect(a.quote).toBe("every response");
    expect(a.prefix).toBe("# Caching\n\nWe cache ".slice(-32));
    expect(a.suffix).toHaveLength(32);
    expect(doc.indexOf(a.prefix + a.quote + a.suffix)).toBeGreaterThanOrEqual(0);
  });

  it("follows text that moved", () => {
    const a = anchorOn(doc, "Stale reads are possible");
    const moved = "## Risks\n\nStale reads are possible for five minutes after a write.\n\n# Caching\n\nWe cache.\n";
    const r = resolveRange(moved, a);
    expect(r).toEqual({ state: "attached", start: moved.indexOf("Stale reads"), end: moved.indexOf("Stale reads") + 24 });
  });

  it("stays attached when only the context changed", () => {
    const a = anchorOn(doc, "every response");
    const edited = doc.replace("We cache", "Quorum caches").replace("five minutes unless", "ten minutes unless");
    const r = resolveRange(edited, a);
    expect(r.state).toBe("attached");
    if (r.state === "attached") expect(edited.slice(r.start, r.end)).toBe("every response");
  });

  it("is detached when the quoted text changed", () => {
    const a = anchorOn(doc, "every response");
    expect(resolveRange(doc.replace("every response", "each response"), a)).toEqual({ state: "detached" });
  });

  it("is detached when the quoted text was deleted", () => {
    const a = anchorOn(doc, "Stale reads are possible for five minutes after a write.");
    expect(resolveRange(doc.replace(/Stale reads[^\n]*\n/, ""), a)).toEqual({ state: "detached" });
  });

  it("picks among repeated quotes by context", () => {
    const a = anchorOn(doc, "five minutes", 1); // the one under Risks
    const r = resolveRange(doc, a);
    expect(r.state === "attached" && r.start).toBe(doc.lastIndexOf("five minutes"));
    const shifted = `Intro with five minutes too.\n\n${doc}`;
    const r2 = resolveRange(shifted, a);
    expect(r2.state === "attached" && r2.start).toBe(shifted.lastIndexOf("five minutes"));
  });

  it("is detached when the quote repeats and no occurrence has its context", () => {
    const a = { quote: "five minutes", prefix: "zzzz", suffix: "yyyy" };
    expect(resolveRange(doc, a)).toEqual({ state: "detached" });
  });

  it("is detached for an empty quote", () => {
    expect(resolveRange(doc, { quote: "", prefix: "", suffix: "" })).toEqual({ state: "detached" });
  });
});
