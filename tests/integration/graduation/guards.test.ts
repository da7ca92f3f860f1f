import { metaRepo } from "@/lib/bot/meta-entry";
import { commitEntryBody } from "@/lib/bot/edit-entry-body";
import { openBodyEditPr } from "@/lib/bot/open-body-edit-pr";
import { db } from "@/lib/db/client";
import { createBranch } from "@/lib/gitea";
import { startGraduationFixture, type Fixture } from "./fixture";
import { check, claim, graduate, graduateAndFollow, mergePr, progress, readSse } from "./http";

// §13.2/§13.3 who may graduate, and when POST must refuse what the advisory check allowed.


let fx: Fixture;
let alice: string, bob: string, carol: string, dave: string;
beforeAll(async () => {
  fx = await startGraduationFixture();
  [alice, bob, carol, dave] = await Promise.all([fx.cookie("alice"), fx.cookie("bob"), fx.cookie("carol"), fx.cookie("dave")]);
});
afterAll(() => fx.close());

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

test("two concurrent POSTs: one runs, the other gets 409", async () => {
  await fx.superDraft({ slug: "twice" });
  const body = { id: "RFC-0100", repo: "rfc-0100-twice" };
  const answers = await Promise.all([graduate("twice", body, alice), graduate("twice", body, alice)]);
  expect(answers.map((r) => r.status).sort()).toEqual([202, 409]);
  const final = (await readSse(await progress("twice"))).pop()!.data.snapshot;
  expect(final.status).toBe("succeeded");
  // Once active, another graduation is refused too.
  expect((await graduate("twice", { id: "RFC-0101", repo: "rfc-0101-twice" }, alice)).status).toBe(409);
});

test.each([
  { who: "a reader", cookie: () => undefined, status: 401 },
  { who: "a contributor who is not an owner", cookie: () => bob, status: 403 },
])("$who may not graduate ($status)", async ({ cookie, status }) => {
  await fx.superDraft({ slug: `not-yours-${status}` });
  const res = await graduate(`not-yours-${status}`, { id: "RFC-0200", repo: `rfc-0200-x${status}` }, cookie());
  expect(res.status).toBe(status);
  expect(await fx.repoExists(`rfcs/rfc-0200-x${status}`)).toBe(false);
});

test.each([
  { body: { id: "RFC-12", repo: "rfc-12-x" }, field: "id" },
  { body: { id: "RFC-0300", repo: "-bad name" }, field: "repo" },
  { body: { id: "RFC-0300" }, field: "repo" },
])("a malformed $field answers 422", async ({ body }) => {
  await fx.superDraft({ slug: "malformed" }).catch(() => undefined);
  expect((await graduate("malformed", body, alice)).status).toBe(422);
});

test("an id taken between the check and the POST answers 409", async () => {
  await fx.superDraft({ slug: "slow-a" });
  await fx.superDraft({ slug: "fast-b" });
  expect((await check("slow-a", alice, { id: "RFC-0042" })).id).toMatchObject({ ok: true });
  expect((await graduateAndFollow("fast-b", { id: "RFC-0042", repo: "rfc-0042-fast-b" }, alice)).final.status).toBe("succeeded");
  const res = await graduate("slow-a", { id: "RFC-0042", repo: "rfc-0042-slow-a" }, alice);
  expect(res.status).toBe(409);
  expect((await check("slow-a", alice, { id: "RFC-0042" })).id).toMatchObject({ ok: false });
  expect((await check("slow-a", alice)).suggested).toEqual({ id: "RFC-0101", repo: "rfc-0101-slow-a" });
});

test("a repo name taken between the check and the POST answers 409", async () => {
  expect((await check("slow-a", alice, { repo: "rfc-0043-slow-a" })).repo).toMatchObject({ ok: true });
  const made = await fx.forge.api("/api/v1/orgs/rfcs/repos", { method: "POST", body: JSON.stringify({ name: "rfc-0043-slow-a" }) });
  expect(made.status).toBe(201);
  const res = await graduate("slow-a", { id: "RFC-0043", repo: "rfc-0043-slow-a" }, alice);
  expect(res.status).toBe(409);
  expect((await check("slow-a", alice, { repo: "rfc-0043-slow-a" })).repo).toMatchObject({ ok: false, message: expect.stringContaining("already exists") });
});

test("§9.8 an open body-edit PR blocks graduation and is listed with the viewer's actions", async () => {
  await fx.superDraft({ slug: "blocked" });
  await createBranch(metaRepo(), "edit/blocked/typos", "main");
  await commitEntryBody({ actor: await fx.actor("dave"), slug: "blocked", name: "typos", body: "Fixed body.\n" });
  const { prNumber } = await openBodyEditPr({ actor: await fx.actor("dave"), slug: "blocked", name: "typos", title: "Fix typos" });
  await fx.refreshMeta();

  const forAlice = await check("blocked", alice, { id: "RFC-0500", repo: "rfc-0500-blocked" });
  expect(forAlice.canSubmit).toBe(false);
  expect(forAlice.blockingPrs.items).toEqual([expect.objectContaining({ number: prNumber, openedBy: "dave", branchName: "typos", actions: { merge: true, withdraw: true } })]);
  expect((await check("blocked", dave)).blockingPrs.items[0].actions).toEqual({ merge: false, withdraw: false });
  expect((await check("blocked", bob)).blockingPrs.items[0].actions).toEqual({ merge: false, withdraw: false });

  const res = await graduate("blocked", { id: "RFC-0500", repo: "rfc-0500-blocked" }, alice);
  expect(res.status).toBe(409);
  expect(await fx.repoExists("rfcs/rfc-0500-blocked")).toBe(false);

  // The dialog's "Merge" button: the PR route the RFC view serves, then graduation may go.
  expect((await mergePr("blocked", prNumber, alice)).status).toBe(200);
  expect((await check("blocked", alice)).blockingPrs).toMatchObject({ ok: true, items: [] });
  const { final } = await graduateAndFollow("blocked", { id: "RFC-0500", repo: "rfc-0500-blocked" }, alice);
  expect(final.status).toBe("succeeded");
  expect(await fx.file("rfcs/rfc-0500-blocked", "RFC.md")).toBe("Fixed body.\n");
});

test("an RFC without owners cannot graduate, even for an admin", async () => {
  await fx.superDraft({ slug: "orphan", owners: [] });
  expect((await check("orphan", carol)).owners).toMatchObject({ ok: false });
  const res = await graduate("orphan", { id: "RFC-0600", repo: "rfc-0600-orphan" }, carol);
  expect(res.status).toBe(409);
  expect(await errorCode(res)).toBe("conflict");
});

test("§13.1 claim: an owner's is a no-op, a second open claim is 409, readers 401", async () => {
  await fx.superDraft({ slug: "claimable", owners: ["alice"] });
  const own = await claim("claimable", alice);
  expect(own.status).toBe(200);
  expect(await own.json()).toEqual({ status: "already_owner" });

  const first = await claim("claimable", bob);
  expect(first.status).toBe(201);
  const { prNumber } = (await first.json()) as { prNumber: number };
  const pr = (await fx.pulls("open")).find((p) => p.number === prNumber);
  expect(pr?.head.ref).toBe("claim/claimable");
  expect(await fx.file("rfcs/meta", "rfcs/claimable.md", "claim/claimable")).toMatch(/owners:\n {2}- alice\n {2}- bob\n/);

  expect((await claim("claimable", bob)).status).toBe(409);
  expect((await claim("claimable", dave)).status).toBe(409);
  expect((await claim("claimable")).status).toBe(401);
  expect((await check("claimable", dave)).viewer).toMatchObject({ canClaim: true, openClaim: { number: prNumber, openedBy: "bob" } });
});

test("a graduation left running by a stopped server is retired, and the RFC can graduate again", async () => {
  await fx.superDraft({ slug: "crashed" });
  await db().graduation.create({ data: { slug: "crashed", status: "running", rfcId: "RFC-0700", repo: "rfcs/rfc-0700-crashed", startedBy: "alice" } });
  const events = await readSse(await progress("crashed"));
  expect(events.map((e) => e.event)).toEqual(["snapshot", "finished"]);
  expect(events[1].data.snapshot.status).toBe("interrupted");
  const { final } = await graduateAndFollow("crashed", { id: "RFC-0700", repo: "rfc-0700-crashed" }, alice);
  expect(final.status).toBe("succeeded");
});
