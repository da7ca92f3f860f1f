import { judgeChange } from "@/lib/ai/chat/judge-change";
import { mentionsAi } from "@/lib/ai/chat/mention";
import { resetAiRateLimits, takeAiRequest } from "@/lib/ai/chat/rate-limit";
import { AppError } from "@/lib/http/errors";

// §18: what a complete change block becomes (judge-change.ts), the @ai
// mention, and the per-user rate limit.

const doc = "# Cache\n\nWe cache **every** response for five minutes.\n\nReads dominate writes.\n\nWrites are rare.\n";

describe("judgeChange", () => {
  const judge = (original: string, opts: Partial<Parameters<typeof judgeChange>[0]> = {}) =>
    judgeChange({ doc, change: { original, proposed: "X" }, onMain: false, scope: null, ...opts });

  it.each([
    ["an exact, unique original", "five minutes", { status: "pending", statusReason: null, details: {}, repairable: false }],
    ["a missing original", "ten minutes", { status: "invalid", statusReason: "The original text does not occur in the document.", repairable: false }],
    ["an empty original", "  ", { status: "invalid", statusReason: expect.stringMatching(/no original/), repairable: false }],
  ])("%s", (_what, original, expected) => {
    expect(judge(original)).toMatchObject(expected);
  });

  // Issue 16: a loose match is never pending; the card shows the exact source there.
  it.each([
    ["markup dropped", "We cache every response", ["We cache **every** response"]],
    ["a paragraph run into its heading", "Cache We cache", ["Cache\n\nWe cache"]],
    ["line re-wrapped", "Reads dominate\nwrites.", ["Reads dominate writes."]],
  ])("%s: invalid, with what the document has", (_what, original, documentHas) => {
    expect(judge(original)).toMatchObject({
      status: "invalid",
      statusReason: "The original text is not in the document exactly as written: the document's markup, spacing or quotes differ.",
      details: { matched: "loose", documentHas },
      repairable: true,
    });
  });

  it("an original that occurs twice is invalid, with both paragraphs to tell them apart", () => {
    expect(judge("rite")).toMatchObject({
      status: "invalid",
      statusReason: "The original text occurs twice in the document, so it is unclear which to change.",
      details: { matched: "ambiguous", documentHas: ["Reads dominate writes.", "Writes are rare."] },
      repairable: true,
    });
  });

  it("buffers a valid change on main and still refuses an invalid one there (§8.14)", () => {
    expect(judge("five minutes", { onMain: true }).status).toBe("buffered");
    expect(judge("nowhere", { onMain: true }).status).toBe("invalid");
  });

  it("keeps a sub-thread's changes inside its passage (§8.12)", () => {
    const start = doc.indexOf("Reads");
    const scope = { start, end: start + "Reads dominate writes.".length };
    expect(judge("dominate", { scope }).status).toBe("pending");
    expect(judge("five minutes", { scope })).toMatchObject({ status: "invalid", statusReason: expect.stringMatching(/outside the passage/) });
    expect(judge("dominate", { scope: "detached" })).toMatchObject({ status: "invalid", statusReason: expect.stringMatching(/no longer in the document/) });
  });

  it("refuses a proposal that changes nothing", () => {
    expect(judgeChange({ doc, change: { original: "five minutes", proposed: "five minutes" }, onMain: false, scope: null }).status).toBe("invalid");
  });
});

it.each([
  ["@ai what now?", true],
  ["Hey @AI, look", true],
  ["(@ai)", true],
  ["mail bob@ai.example", false],
  ["@aide please", false],
  ["no mention", false],
])("mentionsAi(%j) is %s", (body, expected) => {
  expect(mentionsAi(body)).toBe(expected);
});

describe("takeAiRequest", () => {
  beforeEach(() => resetAiRateLimits());

  it("allows N a minute per user, then answers 429 with the wait", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) takeAiRequest(1, 3, t0 + i * 1000);
    let error: unknown;
    try {
      takeAiRequest(1, 3, t0 + 5000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "rate_limited", status: 429, details: { retryAfterS: 55 } });
    expect(() => takeAiRequest(2, 3, t0 + 5000)).not.toThrow(); // per user
    expect(() => takeAiRequest(1, 3, t0 + 60_001)).not.toThrow(); // the window slid on
  });
});
