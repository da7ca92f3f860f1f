import { claimEntry } from "@/lib/bot/claim-entry";
import { commitEntryBody } from "@/lib/bot/edit-entry-body";
import { editMetadata } from "@/lib/bot/edit-metadata";
import { metaRepo } from "@/lib/bot/meta-entry";
import { mergeMetaPr } from "@/lib/bot/merge-meta-pr";
import { openBodyEditPr } from "@/lib/bot/open-body-edit-pr";
import { proposeIdea } from "@/lib/bot/propose-idea";
import { recordDecision } from "@/lib/bot/record-decision";
import { withdrawRfc } from "@/lib/bot/withdraw-rfc";
import { db } from "@/lib/db/client";
import { parseEntry } from "@/lib/entries";
import { createBranch, getRepo, readFile } from "@/lib/gitea";
import { createActiveRfc } from "@/scripts/seed/active-rfc";
import { startCacheFixture, type CacheFixture } from "../cache/fixture";

// The §3 / §9 / §13.1 meta operations against the forge, checked in Git.

let fx: CacheFixture;
beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks();
  const carol = await fx.actor("carol", "admin");
  const idea = await proposeIdea({ actor: await fx.actor("alice"), slug: "draft-one", title: "Draft one", summary: "Body.", tags: ["a"] });
  await mergeMetaPr({ actor: carol, number: idea.prNumber });
});
afterAll(() => fx.close());

const entryOnMain = async (slug: string, ref = "main") => {
  const file = await readFile(metaRepo(), `rfcs/${slug}.md`, ref);
  const parsed = parseEntry(file?.text ?? "");
  if (!parsed.ok) throw new Error(parsed.reason);
  return { ...parsed.entry, text: file!.text };
};
const lastCommit = async (repo: string, ref: string) => {
  const res = await fx.forge.api(`/api/v1/repos/${repo}/commits?sha=${encodeURIComponent(ref)}&limit=1`);
  return ((await res.json()) as { sha: string; commit: { message: string } }[])[0];
};

it("an idea's merge commit names its kind once: 'Merge idea: Draft one', not 'Merge idea: Idea: …'", async () => {
  const message = (await lastCommit("rfcs/meta", "main")).commit.message;
  expect(message.split("\n")[0]).toMatch(/^Merge idea: Draft one \(#\d+\)$/);
  expect(message).toContain("On-behalf-of: Carol <carol>");
});

it("claim: opens a claim/<slug> PR adding the login to owners; a second claim is 409; an owner's claim is a no-op", async () => {
  const bob = await fx.actor("bob");
  const claim = await claimEntry({ actor: bob, slug: "draft-one" });
  expect(claim).toMatchObject({ status: "opened", branch: "claim/draft-one" });
  expect((await entryOnMain("draft-one", "claim/draft-one")).owners).toEqual(["bob"]);
  expect((await lastCommit("rfcs/meta", "claim/draft-one")).commit.message).toContain("On-behalf-of: Bob <bob>");
  await expect(claimEntry({ actor: await fx.actor("alice"), slug: "draft-one" })).rejects.toMatchObject({ code: "conflict" });
  if (claim.status !== "opened") throw new Error("no PR");
  await mergeMetaPr({ actor: await fx.actor("carol", "admin"), number: claim.prNumber, expectKind: "meta_claim" });
  expect((await entryOnMain("draft-one")).owners).toEqual(["bob"]);
  await expect(claimEntry({ actor: bob, slug: "draft-one" })).resolves.toEqual({ status: "already_owner" });
});

it("metadata edit: a metadata/<slug> PR that changes only the edited lines", async () => {
  const before = await entryOnMain("draft-one");
  const res = await editMetadata({ actor: await fx.actor("bob"), slug: "draft-one", patch: { title: "Draft one, renamed", arbiters: ["carol"] } });
  const after = await entryOnMain("draft-one", res.branch);
  expect(after).toMatchObject({ title: "Draft one, renamed", arbiters: ["carol"], owners: ["bob"], body: before.body });
  const [a, b] = [after.text.split("\n"), before.text.split("\n")];
  expect(a.filter((l) => !b.includes(l))).toEqual(["title: Draft one, renamed", "arbiters:", "  - carol"]);
  expect(b.filter((l) => !a.includes(l))).toEqual(["title: Draft one", "arbiters: []"]);
  await expect(editMetadata({ actor: await fx.actor("bob"), slug: "draft-one", patch: { tags: ["b"] } })).rejects.toMatchObject({ code: "conflict" });
});

it("body edit: commits the body to edit/<slug>/<name>, refuses a stale base, and opens a body-edit PR", async () => {
  await createBranch(metaRepo(), "edit/draft-one/wording", "main");
  const start = await readFile(metaRepo(), "rfcs/draft-one.md", "edit/draft-one/wording");
  const res = await commitEntryBody({ actor: await fx.actor("alice"), slug: "draft-one", name: "wording", body: "Better body.\n", expectedSha: start!.sha });
  expect(res.changed).toBe(true);
  expect((await entryOnMain("draft-one", "edit/draft-one/wording")).body).toBe("Better body.\n");
  await expect(
    commitEntryBody({ actor: await fx.actor("alice"), slug: "draft-one", name: "wording", body: "Other.\n", expectedSha: start!.sha }),
  ).rejects.toMatchObject({ code: "conflict" });
  const pr = await openBodyEditPr({ actor: await fx.actor("alice"), slug: "draft-one", name: "wording", title: "Better wording" });
  expect(pr.prNumber).toBeGreaterThan(0);
  const audit = await db().action.findFirstOrThrow({ where: { kind: "open_body_edit_pr", prNumber: pr.prNumber } });
  expect(audit.onBehalfOf).toBe("alice");
});

it("record a decision: the entry's state changes and the RFC repo's README shows it", async () => {
  await createActiveRfc(await fx.actor("bob"), { slug: "decided", title: "Decided", number: 7, body: "# Decided\n", proposedBy: "bob", owners: ["bob"], arbiters: ["carol"] });
  await recordDecision({ actor: await fx.actor("carol", "admin"), slug: "decided", outcome: "accepted", rationale: "Clear benefits, no objections." });
  expect(await entryOnMain("decided")).toMatchObject({ state: "accepted", decisionRationale: "Clear benefits, no objections.", decidedBy: "carol" });
  const readme = await readFile({ owner: "rfcs", repo: "rfc-0007-decided" }, "README.md", "main");
  expect(readme!.text).toContain("## Decision\n\n**Accepted**");
  await expect(recordDecision({ actor: await fx.actor("carol"), slug: "decided", outcome: "rejected", rationale: "x" })).rejects.toMatchObject({ code: "conflict" });
});

it("withdraw: the entry stays with state withdrawn and a reason, and the RFC repo is archived", async () => {
  await createActiveRfc(await fx.actor("bob"), { slug: "gone", title: "Gone", number: 8, body: "# Gone\n", proposedBy: "bob", owners: ["bob"] });
  const res = await withdrawRfc({ actor: await fx.actor("bob"), slug: "gone", reason: "No longer needed" });
  expect(res.archivedRepo).toBe("rfcs/rfc-0008-gone");
  expect(await entryOnMain("gone")).toMatchObject({ state: "withdrawn", withdrawnReason: "No longer needed", withdrawnBy: "bob" });
  expect((await getRepo({ owner: "rfcs", repo: "rfc-0008-gone" }))?.archived).toBe(true);
  await expect(withdrawRfc({ actor: await fx.actor("bob"), slug: "gone", reason: "again" })).rejects.toMatchObject({ code: "conflict" });
  expect(await db().action.count({ where: { rfcSlug: "gone", kind: { in: ["withdraw", "archive_repo"] } } })).toBe(2);
});
