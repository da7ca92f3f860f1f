import { parseEntry, serializeNewEntry, updateEntry } from "@/lib/entries";
import { motionYaml, readMotion, type Motion } from "@/lib/lifecycle/motion";

// The `motion:` block lives in the entry's frontmatter (§3): it round-trips,
// and a new sign-off moves only its own lines.

const entry = serializeNewEntry({
  slug: "fast-sync", title: "Fast sync", state: "active", id: "RFC-0007", repo: "rfcs/rfc-0007-fast-sync",
  proposedBy: "alice", proposedAt: "2026-01-01T00:00:00Z", graduatedAt: "2026-01-02T00:00:00Z", graduatedBy: "bob",
  owners: ["bob"], arbiters: ["alice", "carol"], tags: ["sync"], body: "",
});
const motion: Motion = {
  id: "m-20260301T100000Z",
  disposition: "accept",
  summary: "It is ready:\nno open questions.",
  movedBy: "bob",
  movedAt: "2026-03-01T10:00:00.000Z",
  periodDays: 10,
  signOffs: [{ by: "alice", at: "2026-03-01T11:00:00.000Z" }],
  concerns: [{ id: "c1", title: "Migration: how?", text: "Clients on v1 — what then?", by: "carol", at: "2026-03-01T12:00:00.000Z" }],
};

const parsed = (text: string) => {
  const p = parseEntry(text);
  if (!p.ok) throw new Error(p.reason);
  return p.entry;
};

test("a motion written into the frontmatter reads back the same, and the entry stays valid", () => {
  const text = updateEntry(entry, { extra: { motion: motionYaml(motion) } });
  const e = parsed(text);
  expect(e.state).toBe("active");
  expect(readMotion(e.extra)).toEqual({ motion, problem: null });
});

test("a sign-off adds its two lines and moves no other", () => {
  const before = updateEntry(entry, { extra: { motion: motionYaml(motion) } });
  const next = { ...motion, signOffs: [...motion.signOffs, { by: "carol", at: "2026-03-02T09:00:00.000Z" }] };
  const after = updateEntry(before, { extra: { motion: motionYaml(next) } });
  const [a, b] = [after.split("\n"), before.split("\n")];
  expect(b.filter((l) => !a.includes(l))).toEqual([]);
  expect(a.filter((l) => !b.includes(l))).toEqual(["    - by: carol", "      at: 2026-03-02T09:00:00.000Z"]);
  expect(a.length - b.length).toBe(2);
});

test("a malformed motion is reported, not thrown, and the entry still parses", () => {
  const text = entry.replace("---\n", "---\nmotion:\n  disposition: maybe\n");
  const e = parsed(text);
  expect(readMotion(e.extra)).toEqual({ motion: null, problem: expect.stringMatching(/^motion\./) });
});
