import { POST as flushRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { GET as messagesRoute } from "@/app/api/threads/[threadId]/messages/route";
import { actorFrom } from "@/lib/bot/actor";
import { changeTrailers } from "@/lib/changes/decide/commit-message";
import { REWRITTEN_REASON } from "@/lib/changes/mark-stale";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { listCommitsSince, splitFullName } from "@/lib/gitea";
import { writeDocument } from "@/lib/rfc-docs/write-document";
import { loadBranchOrThrow } from "@/lib/branches/context";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { openWrite } from "@/lib/writes/journal";
import { healLandedChanges } from "@/lib/writes/heal-landed";
import { acceptKey, flushKey } from "@/lib/writes/keys";
import { settleOpenWrites } from "@/lib/writes/settle-open";
import { ensureUser } from "../../helpers/session";
import { decisions, MODEL, propose, readDoc, type ApiError } from "../ai/decide-helpers";
import { ACTIVE, ACTIVE_REPO, setupFixture, SUPER, type Fixture } from "../ai/fixture";

// Issue 13 item 4: accepts and flushes never half-happen. A retry of the
// same request gets the first answer; a write Gitea refused leaves nothing;
// a commit that landed while everything after it was lost (the answer, the
// database, the process — simulated here by doing exactly what the app had
// done when it stopped) is found by its trailer and settled, by the retry
// or by the reconciler, and its change is never marked stale by its own
// commit. The real kill -9 is tests/integration/crash/crash.test.ts.

let fx: Fixture;
let d: ReturnType<typeof decisions>;
beforeAll(async () => {
  fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL });
  d = decisions(fx);
  for (const name of ["retry", "refused", "lost", "healed", "noted", "never", "restored", "flushes"]) await fx.cutBranch(ACTIVE, name);
  await fx.cutBranch(SUPER, "lost");
});
afterAll(() => fx.close());
afterEach(async () => {
  await fx.forge.admin("/faults", { method: "DELETE" });
});

const rowOf = (id: string) => db().change.findUniqueOrThrow({ where: { id } });
const writeOf = (key: string) => db().gitWrite.findUniqueOrThrow({ where: { key } });
const fault = (spec: Record<string, unknown>) => fx.forge.admin("/faults", { method: "POST", body: JSON.stringify(spec) });
type AcceptOut = { commitSha: string; staleChangeIds: string[]; change: { status: string; commitSha: string } };

const placeOf = async (slug: string, branch: string) => loadBranchOrThrow(await loadRfcOrThrow(slug), branch, null);

/** What the app had done when it stopped right after an accept's commit: its journal row open, the commit on the branch. */
async function acceptThatStoppedAfterItsCommit(slug: string, branch: string, id: string) {
  const { place } = await placeOf(slug, branch);
  const before = await readDoc(slug, branch);
  const row = await rowOf(id);
  const alice = await ensureUser({ login: "alice" });
  await openWrite({
    key: acceptKey([id]), kind: "accept", rfcSlug: slug, branch, repo: place.repoName, ref: place.ref, baseSha: before.headSha, userId: alice.id,
    request: { place, changeIds: [id], editedText: null },
  });
  const change = { id, messageId: row.messageId, modelId: row.modelId, original: row.original, proposed: row.proposed, reason: row.reason, aiProposed: null };
  const res = await writeDocument({
    place, before, text: before.text.replace(row.original, row.proposed), actor: actorFrom(alice),
    subject: "Apply change: stopped", trailers: changeTrailers([change]), audit: { kind: "accept_change" },
  });
  if (res.kind !== "written") throw new Error(res.kind);
  return res.commitSha;
}

it("answers a retry of the same accept with the first answer, and anyone else's with 409", async () => {
  const { ids } = await propose(ACTIVE, "retry", [
    { original: "five minutes", proposed: "ten minutes", reason: "TTL" },
    { original: "response for five minutes", proposed: "response for a day", reason: "Longer" },
  ]);
  const first = await d.accept(ids[0]);
  expect(first.status).toBe(200);
  const out = (await first.json()) as AcceptOut;
  expect(out.staleChangeIds).toEqual([ids[1]]);
  const head = (await readDoc(ACTIVE, "retry")).headSha;
  const again = await d.accept(ids[0]);
  expect(again.status).toBe(200);
  expect((await again.json()) as AcceptOut).toEqual(out);
  expect((await readDoc(ACTIVE, "retry")).headSha).toBe(head); // no second commit
  expect((await d.accept(ids[0], "bob")).status).toBe(409);
  expect((await d.accept(ids[0], "alice", { editedText: "a week" })).status).toBe(409); // another request
});

it("leaves nothing when Gitea refuses the write: the change stays pending, and the retry commits it once", async () => {
  const before = await readDoc(ACTIVE, "refused");
  const { ids } = await propose(ACTIVE, "refused", [{ original: "five minutes", proposed: "ten minutes", reason: "TTL" }]);
  await fault({ method: "POST", path: `/api/v1/repos/${ACTIVE_REPO}/contents`, status: 503 });
  const res = await d.accept(ids[0]);
  expect(res.status).toBe(502);
  expect(await rowOf(ids[0])).toMatchObject({ status: "pending", commitSha: null });
  expect(await writeOf(acceptKey(ids))).toMatchObject({ state: "failed", commitSha: null });
  expect((await readDoc(ACTIVE, "refused")).headSha).toBe(before.headSha);

  const retry = await d.accept(ids[0]);
  expect(retry.status).toBe(200);
  const commits = await listCommitsSince(splitFullName(ACTIVE_REPO), "refused", before.headSha);
  expect(commits.filter((c) => c.message.includes(`Change-Id: ${ids[0]}`))).toHaveLength(1);
  expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: commits[0].sha });
});

it.each([SUPER, ACTIVE])("settles an accept whose commit landed when the app stopped: the retry records it accepted with that commit (%s)", async (slug) => {
  const { ids } = await propose(slug, "lost", [{ original: "Stale reads are possible", proposed: "Stale reads can happen", reason: "Plainer" }]);
  const sha = await acceptThatStoppedAfterItsCommit(slug, "lost", ids[0]);
  // Another commit meanwhile: its stale rule must not judge the change by the text its own commit made.
  const doc = await readDoc(slug, "lost");
  const flushed = await fx.call(flushRoute as never, {
    as: "alice", method: "POST", params: { slug, branch: "lost" }, body: { baseSha: doc.headSha, text: doc.text.replace("five minutes", "an hour") },
  });
  expect(flushed.status).toBe(200);
  expect((await rowOf(ids[0])).status).toBe("pending");

  const res = await d.accept(ids[0]);
  expect(res.status).toBe(200);
  const out = (await res.json()) as AcceptOut;
  expect(out.commitSha).toBe(sha);
  expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: sha, decidedBy: (await ensureUser({ login: "alice" })).id });
  expect(await writeOf(acceptKey(ids))).toMatchObject({ state: "settled", commitSha: sha });
  expect((await readDoc(slug, "lost")).text).toContain("Stale reads can happen"); // committed once, not again
});

it("heals the same from the reconciler, before anyone retries", async () => {
  const { ids } = await propose(ACTIVE, "healed", [{ original: "Reads dominate", proposed: "Reads clearly dominate", reason: "Emphasis" }]);
  const sha = await acceptThatStoppedAfterItsCommit(ACTIVE, "healed", ids[0]);
  expect((await rowOf(ids[0])).status).toBe("pending");
  const { settled } = await settleOpenWrites({ abandonedAfterMs: 0 });
  expect(settled).toBeGreaterThanOrEqual(1);
  expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: sha });
  const cached = await db().cachedBranch.findFirstOrThrow({ where: { repo: ACTIVE_REPO, name: "healed" } });
  expect(cached.headSha).toBe(sha);
});

it("settles the stale rule's overlap too when the journal had noted the commit: a change whose quoted words the accept rewrote turns stale", async () => {
  const { ids } = await propose(ACTIVE, "noted", [
    { original: "Reads dominate:", proposed: "Reads dominate, by far:", reason: "Emphasis" },
    { original: "dominate", proposed: "lead", reason: "Shorter" }, // inside the first one's words, and still in the text after it
  ]);
  const sha = await acceptThatStoppedAfterItsCommit(ACTIVE, "noted", ids[0]);
  // The app had noted the commit in its journal row before it stopped, so the settle knows the commit but not its parent.
  await db().gitWrite.update({ where: { key: acceptKey([ids[0]]) }, data: { commitSha: sha } });
  await settleOpenWrites({ abandonedAfterMs: 0 });
  expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: sha });
  expect(await rowOf(ids[1])).toMatchObject({ status: "stale", statusReason: REWRITTEN_REASON });
});

it("records a change accepted when its commit is in Git but its journal row is gone (app data restored from an older backup)", async () => {
  const { ids } = await propose(ACTIVE, "restored", [
    { original: "Reads dominate", proposed: "Reads clearly dominate", reason: "Emphasis" },
    { original: "Stale reads are possible", proposed: "Stale reads can happen", reason: "Plainer" },
  ]);
  const sha = await acceptThatStoppedAfterItsCommit(ACTIVE, "restored", ids[0]);
  await db().gitWrite.deleteMany({ where: { key: acceptKey([ids[0]]) } }); // the backup predates the accept
  expect(await rowOf(ids[0])).toMatchObject({ status: "pending", commitSha: null });
  expect(await healLandedChanges()).toBe(1);
  const alice = await ensureUser({ login: "alice" });
  expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: sha, decidedBy: alice.id });
  expect(await rowOf(ids[1])).toMatchObject({ status: "pending", commitSha: null }); // named by no commit, still applies
  expect(await healLandedChanges()).toBe(0); // once
  expect((await d.accept(ids[1])).status).toBe(200);
});

it("fails an accept that was opened but never reached Gitea, so it can be accepted again", async () => {
  const { ids } = await propose(ACTIVE, "never", [{ original: "Reads dominate", proposed: "Writes dominate", reason: "Flip" }]);
  const { place } = await placeOf(ACTIVE, "never");
  const alice = await ensureUser({ login: "alice" });
  await openWrite({
    key: acceptKey(ids), kind: "accept", rfcSlug: ACTIVE, branch: "never", repo: ACTIVE_REPO, ref: "never", baseSha: (await readDoc(ACTIVE, "never")).headSha,
    userId: alice.id, request: { place, changeIds: ids, editedText: null },
  });
  await settleOpenWrites({ abandonedAfterMs: 0 });
  expect(await writeOf(acceptKey(ids))).toMatchObject({ state: "failed" });
  expect((await rowOf(ids[0])).status).toBe("pending");
  expect((await d.accept(ids[0])).status).toBe(200);
});

describe("flush", () => {
  const flush = (body: unknown) => fx.call(flushRoute as never, { as: "alice", method: "POST", params: { slug: ACTIVE, branch: "flushes" }, body });

  it("answers the same flush sent again with the first answer and commits once", async () => {
    const doc = await readDoc(ACTIVE, "flushes");
    const body = { baseSha: doc.headSha, text: doc.text.replace("We cache", "We always cache") };
    const first = await flush(body);
    expect(first.status).toBe(200);
    const out = await first.json();
    const again = await flush(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(out);
    const commits = await listCommitsSince(splitFullName(ACTIVE_REPO), "flushes", doc.headSha);
    expect(commits).toHaveLength(1);
    expect(commits[0].message).toMatch(/\nEdit-Id: \S+\nOn-behalf-of: alice <alice>\n?$/);
  });

  it("gives a flush whose commit landed when the app stopped its chat note, from the reconciler", async () => {
    const { place } = await placeOf(ACTIVE, "flushes");
    const alice = await ensureUser({ login: "alice" });
    const before = await readDoc(ACTIVE, "flushes");
    const text = before.text.replace("Stale reads", "Old reads");
    const w = await openWrite({
      key: flushKey(ACTIVE_REPO, "flushes", before.headSha, text), kind: "flush", rfcSlug: ACTIVE, branch: "flushes", repo: ACTIVE_REPO, ref: "flushes",
      baseSha: before.headSha, userId: alice.id, request: { place, login: "alice", name: "alice", sections: ["Risks"], added: 1, removed: 1 },
    });
    const res = await writeDocument({ place, before, text, actor: actorFrom(alice), subject: "Edit Risks on flushes", trailers: [["Edit-Id", w.id]], audit: { kind: "manual_edit" } });
    if (res.kind !== "written") throw new Error(res.kind);
    await settleOpenWrites({ abandonedAfterMs: 0 });
    expect(await writeOf(w.key)).toMatchObject({ state: "settled", commitSha: res.commitSha });
    const thread = await fx.mainThreadId(ACTIVE, "flushes");
    const { messages } = (await (await fx.call(messagesRoute as never, { params: { threadId: thread } })).json()) as { messages: { body: string; authorKind: string }[] };
    expect(messages.filter((m) => m.authorKind === "system" && m.body === "alice changed Risks (+1 −1 lines)")).toHaveLength(1);
    // Settling again (a second sweep, a retry) posts nothing twice.
    await settleOpenWrites({ abandonedAfterMs: 0 });
    const again = (await (await fx.call(messagesRoute as never, { params: { threadId: thread } })).json()) as { messages: { body: string }[] };
    expect(again.messages.filter((m) => m.body === "alice changed Risks (+1 −1 lines)")).toHaveLength(1);
  });
});

it("keeps the meta repo's name in the journal key the app computes", () => {
  expect(flushKey(getConfig().metaRepoFullName, "edit/x/y", "a".repeat(40), "t")).toMatch(/^flush:rfcs\/meta:edit\/x\/y:a{40}:[0-9a-f]{64}$/);
  expect(acceptKey(["b", "a"])).toBe("accept:a,b");
});

export type { ApiError };
