import { EntryError, parseEntry, serializeNewEntry, updateEntry } from "@/lib/entries";
import { HAND_WRITTEN, lineDiff } from "./fixtures";

describe("updateEntry", () => {
  it("an empty patch and a patch with the same values give back the same bytes", () => {
    expect(updateEntry(HAND_WRITTEN, {})).toBe(HAND_WRITTEN);
    expect(updateEntry(HAND_WRITTEN, { id: "", slug: "streaming-sync", owners: ["alice", "bob"], tags: ["sync", "protocol"] })).toBe(HAND_WRITTEN);
  });

  it("changing one field changes only its line", () => {
    const out = updateEntry(HAND_WRITTEN, { state: "active" });
    expect(lineDiff(HAND_WRITTEN, out)).toEqual([3]);
    expect(out.split("\n")[3]).toBe("state: active");
  });

  it("changing a list changes only that key's lines", () => {
    const out = updateEntry(HAND_WRITTEN, { owners: ["alice", "bob", "carol"] });
    const before = HAND_WRITTEN.split("\n");
    const after = out.split("\n");
    expect(after.length).toBe(before.length + 1);
    expect(after.slice(0, 14)).toEqual(before.slice(0, 14));
    expect(after[14]).toBe("  - carol");
    expect(after.slice(15)).toEqual(before.slice(14));
  });

  it("keeps a flow-style list in flow style", () => {
    const out = updateEntry(HAND_WRITTEN, { tags: ["sync"] });
    expect(lineDiff(HAND_WRITTEN, out)).toEqual([15]);
    expect(out.split("\n")[15]).toBe("tags: [ sync ]");
  });

  it("an empty list `[]` that gains items becomes a block list", () => {
    const out = updateEntry(HAND_WRITTEN, { arbiters: ["erin"] });
    expect(out).toContain("arbiters:\n  - erin\ntags: [sync, protocol]\n");
  });

  it("keeps unknown keys, comments and the body bytes", () => {
    const out = updateEntry(HAND_WRITTEN, { title: "New title", arbiters: ["erin"] });
    expect(out).toContain("# owners are Gitea logins\n");
    expect(out).toContain("review_board:\n  chair: dave\n  quorum: 3\n");
    const res = parseEntry(out);
    if (!res.ok) throw new Error(res.reason);
    expect(res.entry.body).toBe(parseEntry(HAND_WRITTEN).ok ? HAND_WRITTEN.split("---\n")[2] : "");
    expect(res.entry.title).toBe("New title");
    expect(res.entry.arbiters).toEqual(["erin"]);
  });

  it("appends new optional fields and removes them with null", () => {
    const out = updateEntry(HAND_WRITTEN, { state: "withdrawn", withdrawnReason: "Superseded by #12: see notes" });
    const res = parseEntry(out);
    expect(res.ok && res.entry.withdrawnReason).toBe("Superseded by #12: see notes");
    expect(updateEntry(out, { withdrawnReason: null, state: "super-draft" })).toBe(HAND_WRITTEN);
  });

  it("replaces the body only when asked, and can empty it (frontmatter-only, §3 active)", () => {
    const out = updateEntry(HAND_WRITTEN, { body: "" });
    expect(out.endsWith("quorum: 3\n---\n")).toBe(true);
    expect(updateEntry("---\nslug: a\ntitle: T\nstate: active\n---", { body: "Hi\n" })).toBe("---\nslug: a\ntitle: T\nstate: active\n---\nHi\n");
  });

  it("sets and removes unknown keys through extra", () => {
    const out = updateEntry(HAND_WRITTEN, { extra: { review_board: null, area: "storage" } });
    expect(out).not.toContain("review_board");
    expect(out).toContain("area: storage\n---\n");
  });

  it("throws EntryError on text without frontmatter", () => {
    expect(() => updateEntry("# no frontmatter", { state: "active" })).toThrow(EntryError);
  });
});

describe("serializeNewEntry", () => {
  const fields = {
    slug: "tiny-rfc",
    title: "Tiny: an RFC",
    state: "super-draft" as const,
    id: "",
    repo: "",
    proposedBy: "alice",
    proposedAt: "2025-01-02T03:04:05.000Z",
    graduatedAt: "",
    graduatedBy: "",
    owners: [],
    arbiters: ["bob"],
    tags: ["a", "b"],
  };

  it("writes the §3 keys in a fixed order and parses back to the same fields", () => {
    const text = serializeNewEntry({ ...fields, body: "# Tiny\n\nText.\n" });
    expect(text.split("\n").slice(0, 4)).toEqual(["---", "slug: tiny-rfc", 'title: "Tiny: an RFC"', "state: super-draft"]);
    const res = parseEntry(text);
    if (!res.ok) throw new Error(res.reason);
    expect(res.entry).toEqual({ ...fields, extra: {}, body: "# Tiny\n\nText.\n" });
  });

  it("is stable: serialising twice gives the same bytes, and an update with equal values is a no-op", () => {
    const a = serializeNewEntry(fields);
    expect(serializeNewEntry(fields)).toBe(a);
    expect(updateEntry(a, { ...fields })).toBe(a);
  });
});
