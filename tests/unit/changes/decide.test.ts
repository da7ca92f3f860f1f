import { changeBody, changeSubject, changeTrailers, type AcceptedChange } from "@/lib/changes/decide/commit-message";

// §8.9 the accept commit's message (its verification by blob hash: tests/unit/gitea/blob-sha.test.ts; the per-branch lock: tests/unit/coordination).

const change = (over: Partial<AcceptedChange> = {}): AcceptedChange => ({
  id: "c1", messageId: "m1", modelId: "compat:llama3.1:8b", original: "five minutes", proposed: "ten minutes", reason: "A longer TTL.", aiProposed: null, ...over,
});

describe("the commit message", () => {
  it("has a one-line subject from the reason, clipped to 72 characters", () => {
    expect(changeSubject([change()], "b")).toBe("Apply change: A longer TTL");
    const long = changeSubject([change({ reason: "word ".repeat(40) })], "b");
    expect(long.length).toBeLessThanOrEqual(72);
    expect(long).toMatch(/^Apply change: word word .*…$/);
    expect(changeSubject([change({ reason: "" })], "tighten")).toBe("Apply change on tighten");
    expect(changeSubject([change(), change({ id: "c2", reason: "Plainer\nwording." })], "b")).toBe("Apply 2 changes: A longer TTL; Plainer wording");
  });

  it("has Original / Proposed / Reason sections, indented so no line reads as a trailer", () => {
    const body = changeBody([change({ original: "Key: value\n\nnext", proposed: "" })]);
    expect(body).toBe("Original:\n    Key: value\n\n    next\n\nProposed:\n    (empty)\n\nReason:\n    A longer TTL");
  });

  it("names the AI's own text and the edit when edited before accept", () => {
    const edited = change({ proposed: "an hour", aiProposed: "ten minutes" });
    expect(changeBody([edited])).toContain("Proposed:\n    an hour");
    expect(changeBody([edited])).toContain("Proposed by the AI before editing:\n    ten minutes");
    expect(changeTrailers([edited])).toEqual([
      ["Change-Id", "c1"], ["Source-Message-Id", "m1"], ["AI-Model", "compat:llama3.1:8b"], ["Edited-Before-Accept", "yes"],
    ]);
  });

  it("lists every change of a batch, each message and model once", () => {
    const two = [change(), change({ id: "c2" }), change({ id: "c3", messageId: null, modelId: null })];
    expect(changeTrailers(two)).toEqual([
      ["Change-Id", "c1"], ["Change-Id", "c2"], ["Change-Id", "c3"], ["Source-Message-Id", "m1"], ["AI-Model", "compat:llama3.1:8b"],
    ]);
    expect(changeBody(two)).toMatch(/^Change 1 of 3 \(c1\)\n\nOriginal:/);
  });
});
