import { metaRepo } from "@/lib/bot/meta-entry";
import { db } from "@/lib/db/client";
import { parseEntry } from "@/lib/entries";
import { getRepo, listPulls, readFile, splitFullName } from "@/lib/gitea";
import { lifecycleSweep } from "@/lib/lifecycle/sweep";
import { bodyOf, http } from "./http";
import { writeEntry } from "@/lib/bot/write-entry";
import { activeRfc, botActor, person, refreshMeta, startLifecycleFixture, superDraft } from "./seed";

// §3 states 4 and 5 through their routes: withdrawal and a recorded decision,
// their bad input and wrong states, the records they leave in Git, and a
// record that takes no more writes. olive owns, arnold and beth arbitrate,
// cora is any contributor, ada an admin, carol the app owner.

let fx: Awaited<ReturnType<typeof startLifecycleFixture>>;
beforeAll(async () => {
  fx = await startLifecycleFixture();
});
afterAll(() => fx?.close());

const people = { owners: ["olive"], arbiters: ["arnold", "beth"] };
const entryInGit = async (slug: string) => {
  const file = await readFile(metaRepo(), `rfcs/${slug}.md`, "main");
  const parsed = parseEntry(file?.text ?? "");
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entry;
};
const lastCommit = async (repo: string) => {
  const res = await fx.forge.api(`/api/v1/repos/${repo}/commits?sha=main&limit=1`);
  return ((await res.json()) as { commit: { message: string } }[])[0].commit.message;
};

describe("withdrawal (§3 state 5)", () => {
  test("an owner withdraws an active RFC: the entry records why, who, when; the repo is archived; open meta PRs close", async () => {
    const rfc = await activeRfc(people);
    const metadata = await http.metadata(rfc.slug, "olive", { title: "Renamed first", owners: "olive", arbiters: "arnold beth" });
    expect(metadata.status).toBe(201);
    const res = await http.withdraw(rfc.slug, "olive", { reason: "Superseded by a better plan" });
    expect(res.status).toBe(200);
    const entry = await entryInGit(rfc.slug);
    expect(entry).toMatchObject({ state: "withdrawn", withdrawnReason: "Superseded by a better plan", withdrawnBy: "olive" });
    expect(Date.parse(entry.withdrawnAt ?? "")).toBeGreaterThan(0);
    expect(await lastCommit("rfcs/meta")).toMatch(/^Withdraw RFC .*\n\nSuperseded by a better plan\n\nOn-behalf-of: Olive <olive>\n$/);
    expect((await getRepo(splitFullName(rfc.repo)))?.archived).toBe(true);
    const open = await listPulls(metaRepo(), "open");
    expect(open.filter((p) => p.head?.ref === `metadata/${rfc.slug}`)).toEqual([]);
    const view = bodyOf(res).lifecycle!;
    expect(view).toMatchObject({ state: "withdrawn", withdrawal: { reason: "Superseded by a better plan", by: "olive" }, metaPrs: [] });
    expect(view.timeline.at(-1)).toMatchObject({ kind: "withdrawn", by: ["olive"], detail: "Superseded by a better plan" });
  });

  test("a withdrawn RFC is a record: no branches, claims, motions or decisions — 409 naming the state; reads go on", async () => {
    const rfc = await activeRfc(people);
    expect((await http.withdraw(rfc.slug, "carol", { reason: "Admin clean-up" })).status).toBe(200); // the app owner is an admin
    const cut = await http.cutBranch(rfc.slug, "cora", "late-idea");
    expect(cut.status).toBe(409);
    expect(bodyOf(cut).error?.message).toMatch(/withdrawn/);
    for (const res of [
      await http.motion(rfc.slug, "olive", { disposition: "accept", summary: "Too late" }),
      await http.decision(rfc.slug, "arnold", { outcome: "accepted", rationale: "Too late" }),
      await http.withdraw(rfc.slug, "olive", { reason: "Again" }),
      await http.metadata(rfc.slug, "olive", { title: "Too late", owners: "olive", arbiters: "arnold" }),
    ]) {
      expect(res.status).toBe(409);
      expect(bodyOf(res).error).toMatchObject({ code: "conflict", message: expect.stringContaining("withdrawn"), details: { state: "withdrawn" } });
    }
    expect((await http.lifecycle(rfc.slug)).state).toBe("withdrawn");
  });

  test("a super-draft is withdrawn without a repo to archive; its open claim is closed with the reason", async () => {
    const slug = await superDraft({ owners: ["olive"], arbiters: [] });
    expect((await http.claim(slug, "cora")).status).toBe(201);
    expect((await http.withdraw(slug, "olive", { reason: "Not pursued" })).status).toBe(200);
    expect((await entryInGit(slug)).state).toBe("withdrawn");
    const claims = (await listPulls(metaRepo(), "closed")).filter((p) => p.head?.label?.endsWith(`claim/${slug}`) || p.head?.ref?.endsWith(`claim/${slug}`));
    expect(claims).toHaveLength(1);
  });

  test.each([
    ["an empty reason", { reason: "   " }, 400, "reason"],
    ["no reason at all", {}, 400, "reason"],
  ])("%s → %s naming the field; nothing written", async (_n, body, status, field) => {
    const slug = await superDraft(people);
    const commitsBefore = await db().action.count({ where: { rfcSlug: slug } });
    const res = await http.withdraw(slug, "olive", body);
    expect(res.status).toBe(status);
    expect(bodyOf(res).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(new RegExp(`^${field}: `)), details: { field } });
    expect(await db().action.count({ where: { rfcSlug: slug } })).toBe(commitsBefore);
    expect((await entryInGit(slug)).state).toBe("super-draft");
  });

  test("arbiters and contributors may not withdraw (403); readers must sign in (401)", async () => {
    const slug = await superDraft(people);
    expect((await http.withdraw(slug, "arnold", { reason: "x" })).status).toBe(403);
    expect((await http.withdraw(slug, "cora", { reason: "x" })).status).toBe(403);
    expect((await http.withdraw(slug, null, { reason: "x" })).status).toBe(401);
  });

  test("when the entry's commit fails (after its retries), the repo is un-archived again: no half withdrawal", async () => {
    const rfc = await activeRfc(people);
    const fault = await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify({ method: "POST", path: "/api/v1/repos/rfcs/meta/contents", status: 500, message: "disk full", times: 10 }) });
    expect(fault.status).toBe(201);
    const res = await http.withdraw(rfc.slug, "olive", { reason: "Will fail" });
    expect(res.status).toBe(502);
    expect((await entryInGit(rfc.slug)).state).toBe("active");
    expect((await getRepo(splitFullName(rfc.repo)))?.archived).toBe(false);
    expect(await db().action.count({ where: { rfcSlug: rfc.slug, kind: "withdraw" } })).toBe(0);
    await fx.forge.admin("/faults", { method: "DELETE" });
  });
});

describe("recording a decision (§3 state 4)", () => {
  test("an arbiter accepts: the entry records state, rationale, who, when; the README gains a decision section", async () => {
    const rfc = await activeRfc(people);
    const res = await http.decision(rfc.slug, "arnold", { outcome: "accepted", rationale: "Clear benefits,\nno objections." });
    expect(res.status).toBe(200);
    expect(bodyOf(res).decision).toMatchObject({ outcome: "accepted", readme: "written" });
    expect(await entryInGit(rfc.slug)).toMatchObject({ state: "accepted", decisionRationale: "Clear benefits,\nno objections.", decidedBy: "arnold" });
    const readme = await readFile(splitFullName(rfc.repo), "README.md", "main");
    expect(readme?.text).toMatch(/## Decision\n\n\*\*Accepted\*\* on \d{4}-\d\d-\d\d by @arnold\.\n\n> Clear benefits,\n> no objections\.\n$/);
    expect(await lastCommit(rfc.repo)).toMatch(/\nOn-behalf-of: \S+ <arnold>\n$/);
    const again = await http.decision(rfc.slug, "beth", { outcome: "rejected", rationale: "Changed my mind" });
    expect(again.status).toBe(409);
    expect(bodyOf(again).error?.message).toMatch(/accepted/);
    // Final: no more branches, PRs or AI edits (one state rule for every write, §3).
    expect((await http.cutBranch(rfc.slug, "olive", "after")).status).toBe(409);
  });

  test("who decides: arbiters and the app owner; an admin or an owner who is not an arbiter gets 403", async () => {
    const rfc = await activeRfc(people);
    expect((await http.decision(rfc.slug, "ada", { outcome: "rejected", rationale: "x" })).status).toBe(403);
    expect((await http.decision(rfc.slug, "olive", { outcome: "rejected", rationale: "x" })).status).toBe(403);
    expect((await http.decision(rfc.slug, "carol", { outcome: "rejected", rationale: "Out of scope" })).status).toBe(200);
    expect((await entryInGit(rfc.slug)).state).toBe("rejected");
  });

  test.each([
    ["an empty rationale", { outcome: "accepted", rationale: "" }, "rationale"],
    ["no outcome", { rationale: "Good" }, "outcome"],
    ["an unknown outcome", { outcome: "maybe", rationale: "Good" }, "outcome"],
  ])("%s → 400 naming the field", async (_n, body, field) => {
    const rfc = await activeRfc(people);
    const res = await http.decision(rfc.slug, "arnold", body);
    expect(res.status).toBe(400);
    expect(bodyOf(res).error?.details).toMatchObject({ field });
    expect((await entryInGit(rfc.slug)).state).toBe("active");
  });

  test("a super-draft cannot be decided: 409 naming the state", async () => {
    const slug = await superDraft(people);
    const res = await http.decision(slug, "arnold", { outcome: "accepted", rationale: "Early" });
    expect(res.status).toBe(409);
    expect(bodyOf(res).error?.message).toMatch(/super-draft/);
  });

  test("if the README write fails the decision stands, and the lifecycle sweep completes the README once", async () => {
    const rfc = await activeRfc(people);
    await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify({ method: "POST", path: `/api/v1/repos/${rfc.repo}/contents`, status: 500, message: "down" }) });
    const res = await http.decision(rfc.slug, "beth", { outcome: "rejected", rationale: "Too costly" });
    expect(res.status).toBe(200);
    expect(bodyOf(res).decision).toMatchObject({ readme: "pending" });
    expect((await entryInGit(rfc.slug)).state).toBe("rejected");
    expect((await readFile(splitFullName(rfc.repo), "README.md", "main"))?.text).not.toContain("## Decision");
    await lifecycleSweep();
    expect((await readFile(splitFullName(rfc.repo), "README.md", "main"))?.text).toContain("**Rejected**");
    const rows = () => db().action.count({ where: { rfcSlug: rfc.slug, kind: "decision_readme" } });
    expect(await rows()).toBe(1);
    await lifecycleSweep();
    expect(await rows()).toBe(1); // seen once, never rewritten
  });

  test("decisions Quorum did not record (history that came with the RFCs) cost the lifecycle sweep no forge request and keep their README", async () => {
    // Decided in Git by hand, as RFCs decided before Quorum arrive: no record_accepted row in the app.
    const imported = await Promise.all(Array.from({ length: 6 }, () => activeRfc(people)));
    const arnold = botActor(await person("arnold"));
    for (const rfc of imported) {
      await writeEntry({ actor: arnold, slug: rfc.slug, decide: () => ({ result: null, edit: { patch: { state: "accepted", decidedAt: "2020-01-01T00:00:00Z", decidedBy: "arnold", decisionRationale: "Long ago" }, subject: "Accept by hand", audit: { kind: "seed" } } }) });
    }
    await refreshMeta();
    const readmes = async () => Promise.all(imported.map(async (r) => (await readFile(splitFullName(r.repo), "README.md", "main"))?.text));
    const before = await readmes();
    await fx.forge.admin("/requests/reset", { method: "POST" });
    await lifecycleSweep();
    const { total } = (await (await fx.forge.admin("/requests")).json()) as { total: number };
    expect(total).toBe(0);
    expect(await readmes()).toEqual(before);
    expect(before.every((t) => !t?.includes("## Decision"))).toBe(true);
  });
});
