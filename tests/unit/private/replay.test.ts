import { parentsFirst, rebaseFile } from "@/lib/private/replay";

// The pure parts of moving a branch (lib/private/replay.ts).

const DOC = "# T\n\nOne.\n\nTwo.\n\nThree.\n";

describe("rebaseFile", () => {
  it("is the commit's own text when it lands on its parent", () => {
    expect(rebaseFile(DOC, DOC.replace("One.", "Uno."), DOC)).toBe(DOC.replace("One.", "Uno."));
  });

  it("moves a change of one paragraph onto a base where another paragraph changed", () => {
    const onto = DOC.replace("Three.", "Tres.");
    expect(rebaseFile(DOC, DOC.replace("One.", "Uno."), onto)).toBe(DOC.replace("One.", "Uno.").replace("Three.", "Tres."));
  });

  it("takes the commit's text when both changed the same paragraph (the move aligns the end text after)", () => {
    const after = DOC.replace("Two.", "Dos.");
    expect(rebaseFile(DOC, after, DOC.replace("Two.", "Deux."))).toBe(after);
  });
});

describe("parentsFirst", () => {
  it("puts every parent inside the set before its children, whatever the dates say", () => {
    const commits = [
      { sha: "c", parents: ["b"], date: "2026-01-01T00:00:01Z" },
      { sha: "a", parents: ["base"], date: "2026-01-01T00:00:03Z" },
      { sha: "b", parents: ["a", "main"], date: "2026-01-01T00:00:02Z" },
    ];
    expect(parentsFirst(commits).map((c) => c.sha)).toEqual(["a", "b", "c"]);
  });
});
