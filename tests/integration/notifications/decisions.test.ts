import { advanceClock, setClockOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { settleMotion } from "@/lib/lifecycle/settle-motion";
import { lifecycleSweep, stopLifecycleTimer } from "@/lib/lifecycle/sweep";
import { liveBus, type LiveMessage } from "@/lib/realtime/live-bus";
import { userTopic } from "@/lib/realtime/topics";
import { bodyOf, http } from "../lifecycle/http";
import { activeRfc, person, startLifecycleFixture } from "../lifecycle/seed";

// Issue 14 / §15: the decision events, written by the lifecycle's routes and
// the sweep, each give exactly one notification to each person it concerns —
// the owners, the arbiters, the motion's mover — naming who acted (§15.9),
// none to the person who acted and none to bystanders. olive and otto own,
// arnold and beth arbitrate, ada only reads.

const DAY = 86_400_000;
const LOGINS = ["olive", "otto", "arnold", "beth", "ada"] as const;
type Login = (typeof LOGINS)[number];
const people = { owners: ["olive", "otto"], arbiters: ["arnold", "beth"] };
const ids = {} as Record<Login, number>;

let fx: Awaited<ReturnType<typeof startLifecycleFixture>>;
beforeAll(async () => {
  fx = await startLifecycleFixture();
  for (const login of LOGINS) ids[login] = (await person(login)).id; // a person who never signed in has no bell
});
afterAll(async () => {
  stopLifecycleTimer();
  setClockOffset(0);
  await fx?.close();
});

const ok = async (p: Promise<{ status: number; body: unknown }>, status = 200) => {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return bodyOf(res);
};
/** Every notification of an RFC, as "login kind" lines, each person's in order. */
async function rows(slug: string) {
  const found = await db().notification.findMany({ where: { rfcSlug: slug }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const loginOf = new Map(Object.entries(ids).map(([login, id]) => [id, login]));
  return found.map((n) => ({ ...n, user: { login: loginOf.get(n.userId) ?? `#${n.userId}` } }));
}
const tally = async (slug: string) => (await rows(slug)).map((n) => `${n.user.login} ${n.kind}`).sort();
/** The notifications an event added: compared with the tally before it. */
async function added(slug: string, act: () => Promise<unknown>): Promise<string[]> {
  const before = await tally(slug);
  await act();
  const after = await tally(slug);
  for (const line of before) after.splice(after.indexOf(line), 1);
  return after;
}
const latest = async (slug: string, login: Login) => (await rows(slug)).filter((n) => n.user.login === login).at(-1);

test("a motion's walk: sign-offs asked, the period started, a concern, the period resumed, the decision when it ran out", async () => {
  const { slug } = await activeRfc(people);
  const seen: LiveMessage[] = [];
  const off = liveBus.subscribe(userTopic(ids.arnold), (m) => seen.push(m));
  try {
    // olive moves: each arbiter is asked to sign off, the other owner hears of the motion; olive and ada nothing.
    expect(await added(slug, () => ok(http.motion(slug, "olive", { disposition: "accept", summary: "Ready: every question answered." }), 201))).toEqual(
      ["arnold signoff_requested", "beth signoff_requested", "otto motion"],
    );
    expect(await latest(slug, "arnold")).toMatchObject({ actorLogin: "olive", actorName: "Olive", text: `Olive moved to accept ${slug}: your sign-off is asked`, url: `/rfcs/${slug}` });
    expect((await latest(slug, "otto"))?.text).toBe(`Olive moved to accept ${slug}: Ready: every question answered.`);
    expect(seen.filter((m) => m.type === "notification")).toHaveLength(1); // live, on arnold's open pages

    // A sign-off that does not start the period tells nobody; a repeat neither.
    expect(await added(slug, () => ok(http.signOff(slug, "arnold")))).toEqual([]);
    expect(await added(slug, () => ok(http.signOff(slug, "arnold")))).toEqual([]);
    // The last sign-off starts the final comment period: everyone concerned but beth, who signed.
    expect(await added(slug, () => ok(http.signOff(slug, "beth")))).toEqual(["arnold fcp_started", "olive fcp_started", "otto fcp_started"]);
    expect((await latest(slug, "olive"))?.text).toBe(`Beth signed off on ${slug}: the final comment period on the motion to accept started`);

    advanceClock(3 * DAY);
    expect(await added(slug, () => ok(http.concern(slug, "beth", { title: "Migration", text: "How do v1 clients move?" }), 201))).toEqual(
      ["arnold concern_raised", "olive concern_raised", "otto concern_raised"],
    );
    expect(await latest(slug, "otto")).toMatchObject({ actorLogin: "beth", text: `Beth raised a concern on ${slug}: “Migration”; the final comment period is paused` });
    expect(await added(slug, () => ok(http.resolve(slug, "c1", "beth")))).toEqual(["arnold fcp_started", "olive fcp_started", "otto fcp_started"]);
    expect((await latest(slug, "arnold"))?.text).toBe(`Beth resolved the concern “Migration” on ${slug}: the final comment period on the motion to accept resumed`);

    // The period runs out: the bot records the outcome on behalf of the mover (§6.5), once however often it is asked.
    advanceClock(7 * DAY + 60_000);
    const decided = await added(slug, async () => {
      expect((await lifecycleSweep()).settled).toContainEqual(expect.objectContaining({ slug, outcome: "accepted" }));
      await Promise.all([lifecycleSweep(), settleMotion(slug), settleMotion(slug)]);
    });
    // The mover hears too: the bot acted on olive's behalf, she did nothing just now.
    expect(decided).toEqual(["arnold decision_recorded", "beth decision_recorded", "olive decision_recorded", "otto decision_recorded"]);
    expect(await latest(slug, "beth")).toMatchObject({ actorLogin: "olive", text: `The final comment period on Olive’s motion ended: ${slug} is accepted` });
  } finally {
    off();
    setClockOffset(0);
  }
  // Nobody reads of it who is not concerned, and nothing names the bot.
  const all = await rows(slug);
  expect(all.filter((n) => n.user.login === "ada")).toEqual([]);
  expect(new Set(all.map((n) => n.actorLogin))).toEqual(new Set(["olive", "beth"]));
});

test("a motion to postpone that runs out: a decision recorded; a cancelled motion tells nobody", async () => {
  const { slug } = await activeRfc(people);
  expect(await added(slug, () => ok(http.motion(slug, "arnold", { disposition: "postpone", summary: "Not now." }), 201))).toEqual(
    // arnold signed off by moving: beth is asked, the owners hear of the motion.
    ["beth signoff_requested", "olive motion", "otto motion"],
  );
  expect(await added(slug, () => ok(http.cancel(slug, "arnold", { reason: "Wrong RFC" })))).toEqual([]);
  await ok(http.motion(slug, "arnold", { disposition: "postpone", summary: "Not now, really." }), 201);
  expect(await added(slug, () => ok(http.signOff(slug, "beth")))).toEqual(["arnold fcp_started", "olive fcp_started", "otto fcp_started"]);
  advanceClock(10 * DAY + 60_000);
  try {
    expect(await added(slug, () => lifecycleSweep())).toEqual(["arnold decision_recorded", "beth decision_recorded", "olive decision_recorded", "otto decision_recorded"]);
    expect((await latest(slug, "olive"))?.text).toBe(`The final comment period on Arnold’s motion ended: ${slug} is postponed (it stays active)`);
  } finally {
    setClockOffset(0);
  }
});

test("a decision recorded by hand and a withdrawal: the owners and arbiters, naming who acted", async () => {
  const accepted = await activeRfc(people);
  expect(await added(accepted.slug, () => ok(http.decision(accepted.slug, "arnold", { outcome: "accepted", rationale: "Consensus in the thread." })))).toEqual(
    ["beth decision_recorded", "olive decision_recorded", "otto decision_recorded"],
  );
  expect(await latest(accepted.slug, "otto")).toMatchObject({ actorLogin: "arnold", actorName: "Arnold", text: `Arnold recorded ${accepted.slug} as accepted: Consensus in the thread.` });
  // A refused second decision (409) notifies nobody.
  expect(await added(accepted.slug, async () => expect((await http.decision(accepted.slug, "beth", { outcome: "rejected", rationale: "No" })).status).toBe(409))).toEqual([]);

  const withdrawn = await activeRfc(people);
  expect(await added(withdrawn.slug, () => ok(http.withdraw(withdrawn.slug, "otto", { reason: "Superseded by a better plan" })))).toEqual(
    ["arnold withdrawn", "beth withdrawn", "olive withdrawn"],
  );
  expect(await latest(withdrawn.slug, "beth")).toMatchObject({ actorLogin: "otto", kind: "withdrawn", text: `Otto withdrew ${withdrawn.slug}: Superseded by a better plan` });
});
