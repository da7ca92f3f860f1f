import { fcpStatus, signOffsNeeded } from "@/lib/lifecycle/fcp-status";
import type { Motion } from "@/lib/lifecycle/motion";

// §3 the final comment period, derived from the motion's recorded events.

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const motion = (over: Partial<Motion> = {}): Motion => ({
  id: "m-1",
  disposition: "accept",
  summary: "Ready",
  movedBy: "olive",
  movedAt: at(0),
  periodDays: 10,
  signOffs: [],
  concerns: [],
  ...over,
});
const status = (m: Motion, nowDays: number, arbiters = ["a", "b"], rule: "all" | "majority" = "all") => fcpStatus({ motion: m, arbiters, rule, now: T0 + nowDays * DAY });

test("sign-offs needed: every arbiter, or more than half; none without arbiters", () => {
  expect(signOffsNeeded("all", 3)).toBe(3);
  expect(signOffsNeeded("majority", 3)).toBe(2);
  expect(signOffsNeeded("majority", 4)).toBe(3);
  expect(signOffsNeeded("majority", 1)).toBe(1);
  expect(signOffsNeeded("all", 0)).toBe(Infinity);
});

test("gathering until every arbiter signed off; then the period runs for period_days", () => {
  const one = motion({ signOffs: [{ by: "a", at: at(1) }] });
  expect(status(one, 2)).toMatchObject({ phase: "gathering", signedOff: ["a"], awaiting: ["b"], needed: 2, startedAt: null });
  const both = motion({ signOffs: [{ by: "a", at: at(1) }, { by: "b", at: at(2) }] });
  expect(status(both, 3)).toMatchObject({ phase: "running", startedAt: at(2), endsAt: at(12), remainingMs: 9 * DAY });
  expect(status(both, 12)).toMatchObject({ phase: "due", endsAt: at(12), remainingMs: 0 });
});

test("majority: two of three start it", () => {
  const m = motion({ signOffs: [{ by: "a", at: at(1) }, { by: "b", at: at(2) }] });
  expect(status(m, 3, ["a", "b", "c"], "majority")).toMatchObject({ phase: "running", endsAt: at(12) });
  expect(status(m, 3, ["a", "b", "c"], "all").phase).toBe("gathering");
});

test("a concern pauses it; its resolution resumes it with the time that was left", () => {
  const m = motion({
    signOffs: [{ by: "a", at: at(0) }, { by: "b", at: at(0) }],
    concerns: [{ id: "c1", title: "x", text: "y", by: "b", at: at(4) }],
  });
  expect(status(m, 5)).toMatchObject({ phase: "paused", remainingMs: 6 * DAY, pausedAt: at(4), openConcerns: [expect.objectContaining({ id: "c1" })] });
  const resolved = { ...m, concerns: [{ ...m.concerns[0], resolvedAt: at(7) }] };
  expect(status(resolved, 8)).toMatchObject({ phase: "running", endsAt: at(13) });
  expect(status(resolved, 13).phase).toBe("due");
  expect(status(resolved, 13).segments).toEqual([{ from: at(0), to: at(4) }, { from: at(7), to: at(13) }]);
});

test("a concern before the quorum holds it back; once resolved the period starts", () => {
  const m = motion({
    signOffs: [{ by: "a", at: at(0) }, { by: "b", at: at(1) }],
    concerns: [{ id: "c1", title: "x", text: "y", by: "a", at: at(0.5), resolvedAt: at(3) }],
  });
  expect(status(m, 2).phase).toBe("gathering");
  expect(status(m, 4)).toMatchObject({ phase: "running", startedAt: at(3), endsAt: at(13) });
});

test("events after the end do not count: the decision was due then, however late the bot is", () => {
  const m = motion({
    signOffs: [{ by: "a", at: at(0) }, { by: "b", at: at(0) }],
    concerns: [{ id: "c1", title: "late", text: "y", by: "b", at: at(11) }],
  });
  expect(status(m, 20)).toMatchObject({ phase: "due", endsAt: at(10) });
});

test("sign-offs by people who are no longer arbiters do not count", () => {
  const m = motion({ signOffs: [{ by: "a", at: at(0) }, { by: "gone", at: at(0) }] });
  expect(status(m, 1, ["a", "b"])).toMatchObject({ phase: "gathering", signedOff: ["a"] });
  expect(status(m, 1, ["a"])).toMatchObject({ phase: "running" });
});

test("no arbiters: never starts", () => {
  expect(status(motion({ signOffs: [{ by: "a", at: at(0) }] }), 30, [])).toMatchObject({ phase: "gathering", needed: Infinity });
});

test("a closed motion reports closed, its last stretch ending when it closed", () => {
  const m = motion({ signOffs: [{ by: "a", at: at(0) }, { by: "b", at: at(0) }], outcome: "cancelled", closedAt: at(3), closedBy: "olive" });
  expect(status(m, 20)).toMatchObject({ phase: "closed", segments: [{ from: at(0), to: at(3) }] });
});
