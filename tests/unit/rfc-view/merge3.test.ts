import { merge3 } from "@/lib/branches/merge3";

const base = "# T\n\nA one.\n\nB two.\n\nC three.\n";

describe("merge3 (§12 update from main)", () => {
  it.each([
    { name: "only main changed", ours: base, theirs: base.replace("C three", "C 3"), want: base.replace("C three", "C 3") },
    { name: "only the branch changed", ours: base.replace("A one", "A 1"), theirs: base, want: base.replace("A one", "A 1") },
    {
      name: "different blocks changed",
      ours: base.replace("A one", "A 1"),
      theirs: base.replace("C three", "C 3"),
      want: base.replace("A one", "A 1").replace("C three", "C 3"),
    },
    { name: "the same change on both sides", ours: base.replace("B two", "B 2"), theirs: base.replace("B two", "B 2"), want: base.replace("B two", "B 2") },
    { name: "main appended", ours: base.replace("A one", "A 1"), theirs: `${base}\nD four.\n`, want: `${base.replace("A one", "A 1")}\nD four.\n` },
  ])("is clean when $name", ({ ours, theirs, want }) => {
    expect(merge3(base, ours, theirs)).toEqual({ clean: true, text: want });
  });

  it("reports the conflicting hunk when both changed the same line", () => {
    const r = merge3(base, base.replace("B two", "B deux"), base.replace("B two", "B zwei"));
    expect(r.clean).toBe(false);
    if (!r.clean) {
      expect(r.conflicts).toHaveLength(1);
      expect(r.conflicts[0]).toMatchObject({ base: "B two.\n", ours: "B deux.\n", theirs: "B zwei.\n", oursStartLine: 5 });
    }
  });

  it("treats changes on adjacent lines as a conflict, as Git does", () => {
    const b = "l1\nl2\nl3\n";
    expect(merge3(b, "l1\nX2\nl3\n", "l1\nl2\nY3\n").clean).toBe(false);
  });
});
