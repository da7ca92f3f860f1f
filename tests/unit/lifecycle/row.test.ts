import { rowLifecycle } from "@/lib/lifecycle/row";

// A catalog row's lifecycle line (§7, §3) from the cached frontmatter.

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const iso = (d: number) => new Date(T0 + d * DAY).toISOString();
const row = (state: string, fm: Record<string, unknown>, now = T0, owners = ["bob"], arbiters = ["a", "b"]) =>
  rowLifecycle({ state, frontmatter: JSON.stringify(fm), owners, arbiters, now });

test("a super-draft nobody owns invites a claim; one with an owner says nothing", () => {
  expect(row("super-draft", {}, T0, [])).toEqual({ kind: "unclaimed" });
  expect(row("super-draft", {})).toBeNull();
});

test("withdrawn and decided rows carry the reason or the rationale", () => {
  expect(row("withdrawn", { withdrawn_reason: "Superseded", withdrawn_at: iso(1) })).toEqual({ kind: "withdrawn", reason: "Superseded", at: iso(1) });
  expect(row("accepted", { decision_rationale: "Clear win", decided_at: iso(2) })).toEqual({ kind: "decided", outcome: "accepted", rationale: "Clear win", at: iso(2) });
});

test("an open motion shows its sign-offs, then the period's time left; a closed one nothing", () => {
  const motion = { id: "m", disposition: "accept", summary: "", moved_by: "bob", moved_at: iso(0), period_days: 10, sign_offs: [{ by: "a", at: iso(0) }], concerns: [] };
  expect(row("active", { motion })).toMatchObject({ kind: "motion", phase: "gathering", signed: 1, needed: 2 });
  const both = { ...motion, sign_offs: [...motion.sign_offs, { by: "b", at: iso(1) }] };
  expect(row("active", { motion: both }, T0 + 2 * DAY)).toMatchObject({ kind: "motion", phase: "running", endsAt: iso(11), remainingMs: 9 * DAY });
  expect(row("active", { motion: { ...both, outcome: "cancelled", closed_at: iso(2), closed_by: "bob" } })).toBeNull();
  expect(row("active", { motion: { disposition: "sideways" } })).toBeNull(); // unreadable: nothing rather than a crash
});
