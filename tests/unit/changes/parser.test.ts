import { createChangeStreamParser, parseChangeReply, type ParseEvent } from "@/lib/changes/parser";
import { collectReply, mergeTextEvents } from "@/lib/changes/reply";
import { parserCases } from "./parser-cases";

// §18: "a block may be split across chunks anywhere". Every case is parsed
// whole, at every single split point, one character at a time, and in a few
// seeded random chunkings; all must give the same (merged) events.

function feed(chunks: readonly string[]): { events: ParseEvent[]; pushed: ParseEvent[][] } {
  const parser = createChangeStreamParser();
  const pushed = chunks.map((c) => parser.push(c));
  const last = parser.end();
  return { events: [...pushed.flat(), ...last], pushed: [...pushed, last] };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A text event must never end between the halves of a surrogate pair. */
function expectWholeCharacters(events: readonly ParseEvent[]) {
  for (const e of events) {
    if (e.type !== "text") continue;
    expect(isHigh(e.text.charCodeAt(e.text.length - 1))).toBe(false);
    expect(isLow(e.text.charCodeAt(0))).toBe(false);
  }
}

function randomChunks(input: string, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const chunks: string[] = [];
  for (let i = 0; i < input.length; ) {
    const size = 1 + Math.floor(next() * 7);
    chunks.push(input.slice(i, i + size));
    i += size;
  }
  return chunks;
}

let splitChecks = 0;
afterAll(() => {
  // Reported so a reader can see how much the split tests covered.
  console.log(`parser: ${parserCases.length} cases, ${splitChecks} chunked parses compared`);
});

describe("change stream parser (§18)", () => {
  it("has a case table of at least 40 cases", () => {
    expect(parserCases.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(parserCases)("$name", ({ input, expected }) => {
    it("parses the whole reply", () => {
      expect(mergeTextEvents(parseChangeReply(input))).toEqual(expected);
    });

    it("gives the same events at every split point", () => {
      for (let k = 0; k <= input.length; k++) {
        const { events, pushed } = feed([input.slice(0, k), input.slice(k)]);
        expect({ k, events: mergeTextEvents(events) }).toEqual({ k, events: expected });
        pushed.forEach(expectWholeCharacters);
        splitChecks++;
      }
    });

    it("gives the same events one character at a time", () => {
      const { events, pushed } = feed([...input.split("")]);
      expect(mergeTextEvents(events)).toEqual(expected);
      pushed.forEach(expectWholeCharacters);
      splitChecks++;
    });

    it("gives the same events in random chunkings", () => {
      for (let seed = 1; seed <= 5; seed++) {
        expect(mergeTextEvents(feed(randomChunks(input, seed * 7919)).events)).toEqual(expected);
        splitChecks++;
      }
    });
  });
});

describe("holding back only what may be a tag", () => {
  it("emits plain text as soon as it arrives", () => {
    const parser = createChangeStreamParser();
    expect(parser.push("Hello wor")).toEqual([{ type: "text", text: "Hello wor" }]);
    expect(parser.push("ld")).toEqual([{ type: "text", text: "ld" }]);
  });

  it("holds a possible tag prefix and releases it once it cannot be one", () => {
    const parser = createChangeStreamParser();
    expect(parser.push("a <chan")).toEqual([{ type: "text", text: "a " }]);
    expect(parser.push("nel> b")).toEqual([{ type: "text", text: "<channel> b" }]);
  });

  it("drops a held tag that turns out to be a stray protocol tag", () => {
    const parser = createChangeStreamParser();
    expect(parser.push("a <chan")).toEqual([{ type: "text", text: "a " }]);
    expect(parser.push("ge> b")).toEqual([{ type: "text", text: " b" }]);
  });

  it("holds a confirmed block until it is complete, then emits it once", () => {
    const parser = createChangeStreamParser();
    expect(parser.push("<change>\n<original>x</original><proposed>y")).toEqual([]);
    expect(parser.push("</proposed></change>!")).toEqual([
      { type: "change", index: 0, original: "x", proposed: "y", reason: "" },
      { type: "text", text: "!" },
    ]);
  });

  it("holds a lone high surrogate until its pair arrives", () => {
    const parser = createChangeStreamParser();
    const [high, low] = "😀".split("");
    expect(parser.push(`ok ${high}`)).toEqual([{ type: "text", text: "ok " }]);
    expect(parser.push(low)).toEqual([{ type: "text", text: "😀" }]);
  });

  it("holds a possible fence line at a line start", () => {
    const parser = createChangeStreamParser();
    expect(parser.push("Intro\n``")).toEqual([{ type: "text", text: "Intro\n" }]);
    expect(parser.push("`ts\nx")).toEqual([{ type: "text", text: "```ts\nx" }]);
  });
});

describe("collectReply", () => {
  it("keeps the card positions in order and the prose without tags", () => {
    const reply = collectReply(parseChangeReply("A <change><original>x</original><proposed>y</proposed></change> B <change><original>z</original></change>"));
    expect(reply.text).toBe("A  B ");
    expect(reply.parts).toEqual([
      { kind: "text", text: "A " },
      { kind: "change", index: 0 },
      { kind: "text", text: " B " },
      { kind: "malformed", index: 1 },
    ]);
    expect(reply.changes.map((c) => c.original)).toEqual(["x"]);
    expect(reply.malformed[0].raw).toBe("<change><original>z</original></change>");
  });
});
