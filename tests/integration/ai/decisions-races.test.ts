import { POST as flushRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { setupFixture, SUPER, type Fixture } from "./fixture";
import { decisions, MODEL, propose, readDoc, splitMessage, type ApiError } from "./decide-helpers";

// §8.9, §8.11, §8.14: stale changes (409), two people accepting overlapping
// changes at once (one commit, the other stale), "Accept selected" (one
// commit), buffered changes on main, who may decide, and the blob-hash check
// that reverts a commit which is not exactly the card's change.


let fx: Fixture;
let d: ReturnType<typeof decisions>;
beforeAll(async () => {
  fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL });
  d = decisions(fx);
  for (const name of ["stale", "race", "race-first", "race-second", "batch", "verify"]) await fx.cutBranch(SUPER, name);
});
afterAll(() => fx.close());

const statusOf = async (id: string) => (await db().change.findUniqueOrThrow({ where: { id } })).status;
const errorOf = async (res: Response) => ((await res.json()) as ApiError).error;

it("refuses a stale change with 409 saying why, after a manual edit removed its original", async () => {
  const { ids } = await propose(SUPER, "stale", [{ original: "five minutes", proposed: "ten minutes", reason: "TTL" }]);
  const doc = await readDoc(SUPER, "stale");
  const flushed = await fx.call(flushRoute as never, {
    as: "alice", method: "POST", params: { slug: SUPER, branch: "stale" }, body: { baseSha: doc.headSha, text: doc.text.replace("five minutes", "300 seconds") },
  });
  expect(flushed.status).toBe(200);
  expect(await statusOf(ids[0])).toBe("stale"); // the flush applied the §8.11 rule
  const res = await d.accept(ids[0]);
  expect(res.status).toBe(409);
  expect((await errorOf(res)).message).toMatch(/stale: The original text no longer occurs/);
  expect((await readDoc(SUPER, "stale")).text).toContain("300 seconds");
});

it("lets exactly one of two overlapping accepts commit; the other change becomes stale", async () => {
  const before = await readDoc(SUPER, "race");
  const { ids } = await propose(SUPER, "race", [
    { original: "every response for five minutes", proposed: "every response for an hour", reason: "Longer" },
    { original: "five minutes.", proposed: "five minutes, or until a write.", reason: "Invalidate" },
  ]);
  const [a, b] = await Promise.all([d.accept(ids[0], "alice"), d.accept(ids[1], "bob")]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const after = await readDoc(SUPER, "race");
  expect((await fx.commitMessage(getConfig().metaRepoFullName, after.headSha)).parents).toEqual([before.headSha]); // one commit
  const statuses = [await statusOf(ids[0]), await statusOf(ids[1])];
  expect(statuses.sort()).toEqual(["accepted", "stale"]);
});

// The two orders of the race above, one after the other: the second to
// commit "five minutes." → "five minutes, or until a write." leaves the
// first's original "every response for five minutes" in the text, but not
// the sentence it was proposed for — it is stale all the same.
it.each([
  { branch: "race-first", first: 0, second: 1, why: /stale: The original text no longer occurs/ },
  { branch: "race-second", first: 1, second: 0, why: /stale: A change accepted meanwhile rewrote part of the text this change quotes/ },
])("makes the other overlapping change stale whichever is accepted first ($branch)", async ({ branch, first, second, why }) => {
  const { ids } = await propose(SUPER, branch, [
    { original: "every response for five minutes", proposed: "every response for an hour", reason: "Longer" },
    { original: "five minutes.", proposed: "five minutes, or until a write.", reason: "Invalidate" },
    { original: "Stale reads are possible", proposed: "Stale reads can happen", reason: "Plainer" },
  ]);
  const accepted = await d.accept(ids[first], "alice");
  expect(accepted.status).toBe(200);
  expect(((await accepted.json()) as { staleChangeIds: string[] }).staleChangeIds).toEqual([ids[second]]);
  expect(await statusOf(ids[second])).toBe("stale");
  const res = await d.accept(ids[second], "bob");
  expect(res.status).toBe(409);
  expect((await errorOf(res)).message).toMatch(why);
  expect(await statusOf(ids[2])).toBe("pending"); // a change elsewhere in the text is untouched
  expect((await d.accept(ids[2], "bob")).status).toBe(200);
});

it("accepts several non-overlapping changes as one commit, and names overlapping ids (409)", async () => {
  const before = await readDoc(SUPER, "batch");
  const { ids } = await propose(SUPER, "batch", [
    { original: "five minutes", proposed: "ten minutes", reason: "TTL" },
    { original: "Reads dominate", proposed: "Reads clearly dominate", reason: "Emphasis" },
    { original: "Stale reads are possible", proposed: "Stale reads can happen", reason: "Plainer" },
    { original: "Reads dominate: most pages", proposed: "Most pages", reason: "Shorter" },
  ]);
  const clash = await d.batch([ids[1], ids[3]]);
  expect(clash.status).toBe(409);
  const error = await errorOf(clash);
  expect(error.message).toContain(`${ids[1]} and ${ids[3]}`);
  expect(error.details).toMatchObject({ conflicts: [[ids[1], ids[3]]] });

  const res = await d.batch(ids.slice(0, 3));
  expect(res.status).toBe(200);
  const { commitSha, changes } = (await res.json()) as { commitSha: string; changes: { status: string; commitSha: string }[] };
  expect(changes.map((c) => [c.status, c.commitSha])).toEqual(ids.slice(0, 3).map(() => ["accepted", commitSha]));
  const { message, parents } = await fx.commitMessage(getConfig().metaRepoFullName, commitSha);
  expect(parents).toEqual([before.headSha]);
  const m = splitMessage(message);
  expect(m.subject).toBe("Apply 3 changes: TTL; Emphasis; Plainer");
  expect(m.all.filter(([k]) => k === "Change-Id").map(([, v]) => v)).toEqual(ids.slice(0, 3));
  expect(m.trailers["AI-Model"]).toBe(MODEL);
  expect(m.body).toContain("Change 2 of 3");
  const text = (await readDoc(SUPER, "batch")).text;
  expect(text).toContain("ten minutes");
  expect(text).toContain("Reads clearly dominate");
  expect(text).toContain("Stale reads can happen");
  expect(await statusOf(ids[3])).toBe("stale"); // its original is gone now (§8.11)
});

it("refuses to accept a buffered change on main (422); stewards may decline it", async () => {
  const { ids } = await propose(SUPER, "main", [{ original: "five minutes", proposed: "a day", reason: "Longer" }]);
  const res = await d.accept(ids[0], "carol");
  expect(res.status).toBe(422);
  expect((await errorOf(res)).message).toMatch(/promote them to a branch first/);
  expect((await d.decline(ids[0], "erin")).status).toBe(403);
  expect((await d.decline(ids[0], "bob")).status).toBe(200);
});

it.each([
  { who: "a reader", as: null, status: 401 },
  { who: "a contributor on someone else's branch", as: "erin", status: 403 },
] as const)("refuses $who ($status)", async ({ as, status }) => {
  const { ids } = await propose(SUPER, "verify", [{ original: "write.", proposed: "change.", reason: "x" }]);
  expect((await d.accept(ids[0], as)).status).toBe(status);
  expect((await d.decline(ids[0], as)).status).toBe(status);
  expect((await d.batch(ids, as)).status).toBe(status);
});

it("reports an accept failed and marks nothing accepted when Gitea stores other bytes (a different blob sha), and reverts it", async () => {
  const before = await readDoc(SUPER, "verify");
  const { ids } = await propose(SUPER, "verify", [{ original: "five minutes", proposed: "ten minutes", reason: "TTL" }]);
  const fault = await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify({ method: "POST", path: "/api/v1/repos/*/*/contents", corrupt: true }) });
  expect(fault.status).toBe(201);
  const res = await d.accept(ids[0]);
  expect(res.status).toBe(502);
  const error = await errorOf(res);
  expect(error.message).toMatch(/Gitea stored a different text than was sent, so commit [0-9a-f]{10} was reverted in [0-9a-f]{10}/);
  const row = await db().change.findUniqueOrThrow({ where: { id: ids[0] } });
  expect(row).toMatchObject({ status: "failed", commitSha: null, decidedBy: null });
  const after = await readDoc(SUPER, "verify");
  expect(after.fileText).toBe(before.fileText); // the document is as it was
  const { commitSha, revertSha } = error.details as { commitSha: string; revertSha: string };
  expect(after.headSha).toBe(revertSha);
  const { message, parents } = await fx.commitMessage(getConfig().metaRepoFullName, revertSha);
  expect(parents).toEqual([commitSha]);
  const m = splitMessage(message);
  expect(m.subject).toBe('Revert "Apply change: TTL"');
  expect(m.trailers).toMatchObject({ "Change-Id": ids[0], Reverts: commitSha, "On-behalf-of": "alice <alice>" });
});
