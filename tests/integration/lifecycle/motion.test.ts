import { metaRepo } from "@/lib/bot/meta-entry";
import { parseTrailers } from "@/lib/bot/trailers";
import { sweepOnce } from "@/lib/cache/sweep";
import { advanceClock, setClockOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { parseEntry } from "@/lib/entries";
import { readFile, splitFullName } from "@/lib/gitea";
import { isLifecycleEvent } from "@/lib/lifecycle/events";
import { readMotion } from "@/lib/lifecycle/motion";
import { settleMotion } from "@/lib/lifecycle/settle-motion";
import { lifecycleSweep, stopLifecycleTimer } from "@/lib/lifecycle/sweep";
import { bodyOf, http } from "./http";
import { activeRfc, startLifecycleFixture, superDraft } from "./seed";

// §3 state 4 by motion: an owner moves, each arbiter signs off or raises a
// concern, a concern blocks until its author resolves it, and when the final
// comment period has run out (the clock moved) the bot records the outcome
// once — keyed in Git, so neither a second sweep nor a wiped cache repeats or
// loses it. olive owns, arnold and beth arbitrate.

const DAY = 86_400_000;
let fx: Awaited<ReturnType<typeof startLifecycleFixture>>;
beforeAll(async () => {
  fx = await startLifecycleFixture();
});
afterAll(async () => {
  stopLifecycleTimer();
  setClockOffset(0);
  await fx?.close();
});

const people = { owners: ["olive"], arbiters: ["arnold", "beth"] };
const entryInGit = async (slug: string) => {
  const parsed = parseEntry((await readFile(metaRepo(), `rfcs/${slug}.md`, "main"))?.text ?? "");
  if (!parsed.ok) throw new Error(parsed.reason);
  return { ...parsed.entry, motion: readMotion(parsed.entry.extra).motion };
};
const commits = async (slug: string) => {
  const res = await fx.forge.api(`/api/v1/repos/rfcs/meta/commits?sha=main&path=${encodeURIComponent(`rfcs/${slug}.md`)}&limit=50`);
  return ((await res.json()) as { commit: { message: string } }[]).map((c) => c.commit.message);
};
const ok = async (p: Promise<{ status: number; body: unknown }>, status = 200) => {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return bodyOf(res);
};

test("the walk: motion, sign-offs, a concern that pauses, its resolution, the period's end → accepted once", async () => {
  const rfc = await activeRfc(people);
  const events = await http.events(rfc.slug);
  try {
    await walk(rfc, events);
  } finally {
    events.close();
    setClockOffset(0);
  }
});

async function walk(rfc: { slug: string; repo: string }, events: Awaited<ReturnType<typeof http.events>>) {
  await events.next("ready");

  const moved = await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Ready: every question answered." }), 201);
  expect(moved.lifecycle?.motion).toMatchObject({ disposition: "accept", movedBy: "olive", status: { phase: "gathering", needed: 2, awaiting: ["arnold", "beth"] } });
  await events.next("changed"); // everyone with the RFC open hears of it

  // Not arbiters: 403, whatever their role.
  for (const login of ["olive", "ada", "carol", "cora"]) expect((await http.signOff(rfc.slug, login)).status).toBe(403);
  await ok(http.signOff(rfc.slug, "arnold"));
  expect((await ok(http.signOff(rfc.slug, "arnold"))).lifecycle?.motion?.signOffs).toHaveLength(1); // a repeat is a no-op
  const running = (await ok(http.signOff(rfc.slug, "beth"))).lifecycle!.motion!.status;
  expect(running).toMatchObject({ phase: "running", signedOff: ["arnold", "beth"] });
  expect(Date.parse(running.endsAt!) - Date.parse(running.startedAt!)).toBe(10 * DAY);

  advanceClock(3 * DAY);
  const concern = await ok(http.concern(rfc.slug, "beth", { title: "Migration", text: "How do v1 clients move?" }), 201);
  expect(concern.lifecycle?.motion?.status).toMatchObject({ phase: "paused", openConcernIds: ["c1"] });
  expect((await http.resolve(rfc.slug, "c1", "arnold")).status).toBe(403); // only its author
  expect((await http.resolve(rfc.slug, "c1", "olive")).status).toBe(403);
  advanceClock(2 * DAY);
  // While paused, the end does not come however long it waits.
  advanceClock(30 * DAY);
  expect((await lifecycleSweep()).settled).toEqual([]);
  const resumed = (await ok(http.resolve(rfc.slug, "c1", "beth"))).lifecycle!.motion!.status;
  expect(resumed.phase).toBe("running");
  expect(Math.round(resumed.remainingMs! / DAY)).toBe(7); // the 7 days that were left

  advanceClock(7 * DAY + 60_000);
  const sweep = await lifecycleSweep();
  expect(sweep.settled).toEqual([expect.objectContaining({ slug: rfc.slug, outcome: "accepted", commitSha: expect.any(String) })]);

  const entry = await entryInGit(rfc.slug);
  expect(entry).toMatchObject({ state: "accepted", decidedBy: "arnold, beth", decisionRationale: "Ready: every question answered.", decidedAt: resumed.endsAt });
  expect(entry.motion).toMatchObject({ outcome: "accepted", closedAt: resumed.endsAt });
  const message = (await commits(rfc.slug))[0];
  expect(message).toMatch(/^Accept RFC .*: the final comment period ended\n/);
  expect(message).toContain("Sign-offs:\n- @arnold on ");
  expect(message).toContain('- c1 "Migration" by @beth on ');
  expect(message.split("\n").filter((l) => l.startsWith("Signed-off-by: "))).toEqual([expect.stringMatching(/<arnold>$/), expect.stringMatching(/<beth>$/)]);
  expect(parseTrailers(message)).toMatchObject({ "Motion-Id": entry.motion?.id, "On-behalf-of": expect.stringMatching(/<olive>$/) });
  const readme = await readFile(splitFullName(rfc.repo), "README.md", "main");
  expect(readme?.text).toContain("**Accepted** on");
  expect(readme?.text).toContain("by @arnold, @beth after a 10-day final comment period on a motion by @olive.");

  // Once, however often it is asked: a second sweep, and three at once.
  await lifecycleSweep();
  await Promise.all([settleMotion(rfc.slug), settleMotion(rfc.slug), settleMotion(rfc.slug)]);
  expect((await commits(rfc.slug)).filter((m) => m.startsWith("Accept "))).toHaveLength(1);
  expect(await db().action.count({ where: { rfcSlug: rfc.slug, kind: "record_accepted" } })).toBe(1);

  // The audit log holds each event once, in order, with what it did to the period (lib/lifecycle/events.ts).
  const rows = await db().action.findMany({ where: { rfcSlug: rfc.slug }, orderBy: { id: "asc" }, select: { kind: true, onBehalfOf: true, details: true } });
  const logged = rows.filter((r) => isLifecycleEvent(r.kind)).map((r) => [r.kind, r.onBehalfOf, (JSON.parse(r.details) as { period?: string }).period ?? null]);
  expect(logged.slice(logged.findIndex(([kind]) => kind === "motion_open"))).toEqual([
    ["motion_open", "olive", null],
    ["motion_sign_off", "arnold", null],
    ["motion_sign_off", "beth", "started"],
    ["motion_concern", "beth", "paused"],
    ["motion_concern_resolved", "beth", "resumed"],
    ["record_accepted", "olive", null],
  ]);

  const view = await http.lifecycle(rfc.slug, "olive");
  expect(view.timeline.map((t) => t.kind)).toEqual([
    "proposed", "graduated", "motion", "sign_off", "sign_off", "period_started", "concern", "period_paused", "concern_resolved", "period_resumed", "period_ended", "decided",
  ]);
}

test("a second motion while one is open → 409; on a super-draft → 409 naming the state; without arbiters → 409", async () => {
  const rfc = await activeRfc(people);
  await ok(http.motion(rfc.slug, "arnold", { disposition: "reject", summary: "Not worth it" }), 201);
  const second = await http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Or is it?" });
  expect(second.status).toBe(409);
  expect(bodyOf(second).error?.message).toMatch(/already open/);

  const draft = await superDraft(people);
  const early = await http.motion(draft, "olive", { disposition: "accept", summary: "Too early" });
  expect(early.status).toBe(409);
  expect(bodyOf(early).error?.message).toMatch(/super-draft/);

  const lonely = await activeRfc({ owners: ["olive"], arbiters: [] });
  expect((await http.motion(lonely.slug, "olive", { disposition: "accept", summary: "Nobody to sign" })).status).toBe(409);
});

test("a mover who arbitrates signs off by moving; bad fields → 400 naming the field, nothing written", async () => {
  const rfc = await activeRfc(people);
  for (const [body, field] of [
    [{ disposition: "accept", summary: " " }, "summary"],
    [{ disposition: "adopt", summary: "x" }, "disposition"],
  ] as const) {
    const res = await http.motion(rfc.slug, "arnold", body);
    expect(res.status).toBe(400);
    expect(bodyOf(res).error?.details).toMatchObject({ field });
  }
  expect((await entryInGit(rfc.slug)).motion).toBeNull();
  const moved = await ok(http.motion(rfc.slug, "arnold", { disposition: "reject", summary: "Too costly" }), 201);
  expect(moved.lifecycle?.motion?.status.signedOff).toEqual(["arnold"]);
  const concern = await http.concern(rfc.slug, "beth", { title: "", text: "x" });
  expect(concern.status).toBe(400);
  expect(bodyOf(concern).error?.details).toMatchObject({ field: "title" });
});

test("two arbiters signing off at the same moment: both sign-offs land, neither overwrites", async () => {
  const rfc = await activeRfc({ owners: ["olive"], arbiters: ["arnold", "beth", "bert"] });
  await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Go" }), 201);
  const all = await Promise.all(["arnold", "beth", "bert"].map((l) => http.signOff(rfc.slug, l)));
  expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
  expect((await entryInGit(rfc.slug)).motion?.signOffs.map((s) => s.by).sort()).toEqual(["arnold", "bert", "beth"]);
});

test("majority: two of three arbiters start the period", async () => {
  const rfc = await activeRfc({ owners: ["olive"], arbiters: ["arnold", "beth", "bert"], signOffsNeeded: "majority" });
  await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Go" }), 201);
  await ok(http.signOff(rfc.slug, "arnold"));
  expect((await ok(http.signOff(rfc.slug, "beth"))).lifecycle?.motion?.status).toMatchObject({ phase: "running", needed: 2, awaiting: ["bert"] });
});

test("postpone: the period's end closes the motion and the RFC stays active; a new motion may follow", async () => {
  const rfc = await activeRfc(people);
  await ok(http.motion(rfc.slug, "olive", { disposition: "postpone", summary: "Revisit next quarter" }), 201);
  await ok(http.signOff(rfc.slug, "arnold"));
  await ok(http.signOff(rfc.slug, "beth"));
  advanceClock(11 * DAY);
  const settled = (await lifecycleSweep()).settled.filter((s) => s.slug === rfc.slug); // other tests' motions end too
  expect(settled).toEqual([expect.objectContaining({ outcome: "postponed", commitSha: expect.any(String) })]);
  const entry = await entryInGit(rfc.slug);
  expect(entry.state).toBe("active");
  expect(entry.motion).toMatchObject({ outcome: "postponed" });
  await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Now" }), 201);
  setClockOffset(0);
});

test("cancel: its mover, an owner or an admin may; another arbiter may not; a cancelled motion frees the way", async () => {
  const rfc = await activeRfc(people);
  await ok(http.motion(rfc.slug, "arnold", { disposition: "accept", summary: "Go" }), 201);
  expect((await http.cancel(rfc.slug, "beth")).status).toBe(403);
  expect((await http.cancel(rfc.slug, "cora")).status).toBe(403);
  await ok(http.cancel(rfc.slug, "olive", { reason: "Wait for the benchmark" }));
  expect((await entryInGit(rfc.slug)).motion).toMatchObject({ outcome: "cancelled", closedBy: "olive" });
  expect((await http.signOff(rfc.slug, "beth")).status).toBe(409);
  await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Now" }), 201);
});

test("a concern after the period ran out comes too late (409); the decision stands", async () => {
  const rfc = await activeRfc(people);
  await ok(http.motion(rfc.slug, "olive", { disposition: "reject", summary: "No" }), 201);
  await ok(http.signOff(rfc.slug, "arnold"));
  await ok(http.signOff(rfc.slug, "beth"));
  advanceClock(10 * DAY + 1000);
  stopLifecycleTimer();
  const late = await http.concern(rfc.slug, "arnold", { title: "Wait", text: "One more thing" });
  expect(late.status).toBe(409);
  expect(bodyOf(late).error?.message).toMatch(/ended/);
  await lifecycleSweep();
  expect((await entryInGit(rfc.slug)).state).toBe("rejected");
  setClockOffset(0);
});

test("a Git write that fails leaves nothing behind: no sign-off in Git, no audit row", async () => {
  const rfc = await activeRfc(people);
  await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Go" }), 201);
  await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify({ method: "POST", path: "/api/v1/repos/rfcs/meta/contents", status: 500, message: "down", times: 10 }) });
  const res = await http.signOff(rfc.slug, "arnold");
  await fx.forge.admin("/faults", { method: "DELETE" });
  expect(res.status).toBe(502);
  expect((await entryInGit(rfc.slug)).motion?.signOffs).toEqual([]);
  expect(await db().action.count({ where: { rfcSlug: rfc.slug, kind: "motion_sign_off" } })).toBe(0);
  expect((await http.lifecycle(rfc.slug)).motion?.signOffs).toEqual([]);
});

test("wipe the cache: one sweep brings the motion, its sign-offs and its period back from Git", async () => {
  const rfc = await activeRfc(people);
  await ok(http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Go" }), 201);
  await ok(http.signOff(rfc.slug, "arnold"));
  await ok(http.signOff(rfc.slug, "beth"));
  const before = (await http.lifecycle(rfc.slug)).motion;
  await db().$transaction([db().cachedPr.deleteMany(), db().cachedBranch.deleteMany(), db().cachedRfc.deleteMany(), db().repoSync.deleteMany()]);
  await expect(http.lifecycle(rfc.slug)).rejects.toThrow(/404/);
  await sweepOnce({ trigger: "manual" });
  const after = (await http.lifecycle(rfc.slug)).motion;
  const still = (m: typeof before) => ({ ...m, status: { ...m?.status, remainingMs: null } }); // time went on meanwhile
  expect(still(after)).toEqual(still(before));
  expect(after?.status.phase).toBe("running");
});
