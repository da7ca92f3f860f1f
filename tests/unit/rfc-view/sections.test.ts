import { editSubject, headingsOf, summarizeEdit } from "@/lib/rfc-docs/sections";

const doc = "Intro line.\n\n# Motivation\n\nWhy.\n\n```\n# not a heading\n```\n\nSetext\n======\n\nBody.\n";

describe("edit summaries (§8.11)", () => {
  it("finds ATX and setext headings outside code", () => {
    expect(headingsOf(doc).map((h) => h.text)).toEqual(["Motivation", "Setext"]);
  });

  it("names the section that changed and counts lines", () => {
    const s = summarizeEdit(doc, doc.replace("Why.", "Why not."));
    expect(s).toEqual({ sections: ["Motivation"], added: 1, removed: 1 });
    expect(editSubject(s.sections, "fix")).toBe("Edit Motivation on fix");
  });

  it("names text before the first heading the introduction, and counts several sections", () => {
    const s = summarizeEdit(doc, doc.replace("Intro line.", "Intro.").replace("Body.", "Body!"));
    expect(s.sections).toEqual(["the introduction", "Setext"]);
    expect(editSubject(s.sections, "b")).toBe("Edit the introduction and Setext on b");
    expect(editSubject(["a", "b", "c"], "b")).toBe("Edit 3 sections on b");
  });

  it("attributes a deletion to the section it was in", () => {
    const s = summarizeEdit(doc, doc.replace("Why.\n\n", ""));
    expect(s.sections).toEqual(["Motivation"]);
    expect(s.removed).toBe(2);
  });

  it("names a section appended at the end, not the one above it (issue 16)", () => {
    const s = summarizeEdit(doc, `${doc}\n## Rollout\n\nIn two steps.\n`);
    expect(s.sections).toEqual(["Rollout"]);
  });

  it("names a removed section by its own heading", () => {
    const s = summarizeEdit(doc, doc.replace("# Motivation\n\nWhy.\n\n", ""));
    expect(s.sections).toEqual(["Motivation"]);
  });
});
