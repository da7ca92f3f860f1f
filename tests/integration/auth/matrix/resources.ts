import { proposeIdea } from "@/lib/bot/propose-idea";
import { commitFiles } from "@/lib/bot/write-files";
import { loadBranchOrThrow } from "@/lib/branches/context";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { createFlag } from "@/lib/flags/flags";
import { splitFullName } from "@/lib/gitea";
import { openBranchPr } from "@/lib/prs/branch-prs";
import { flushManualEdit } from "@/lib/rfc-docs/flush";
import { publicPlace } from "@/lib/branches/place";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { getOrCreateMainThread } from "@/lib/threads/main-thread";
import { DOC, DRAFT, unique, type Fixture } from "./fixture";

// Fresh things for one call of one row, so that each persona's call meets
// the same state (a deleted branch cannot be deleted twice, a claim blocks
// the next, a merged PR cannot be merged again). All made the way the app
// makes them, by the bot, as bianca or cora.

export const SENTENCE = "Every route is checked for every role.";

/** A branch of bianca's with one commit on it (a PR needs a difference). */
export async function editedBranch(fx: Fixture, slug = DRAFT) {
  const { name, headSha } = await fx.branch(slug);
  const rfc = await loadRfcOrThrow(slug);
  const bianca = await fx.actor("branchCreator");
  await flushManualEdit({ rfc, place: publicPlace(rfc.home, name), baseSha: headSha, text: DOC.replace("Routes and actions.", `Routes and actions, ${name}.`), user: { id: bianca.userId!, login: bianca.login, name: bianca.name } });
  return { name, headSha: (await readDocumentAt(publicPlace(rfc.home, name))).headSha };
}

/** An open PR from a branch of bianca's to main: a body-edit meta PR for a super-draft, a branch PR for an active RFC (§9). */
export async function openPr(fx: Fixture, slug: string): Promise<number> {
  const { name } = await editedBranch(fx, slug);
  const rfc = await loadRfcOrThrow(slug);
  const bianca = await fx.actor("branchCreator");
  const branch = await loadBranchOrThrow(rfc, name, { id: bianca.userId!, login: bianca.login, role: "contributor" });
  return (await openBranchPr({ rfc, branch, title: `Edit ${name}`, description: "matrix", actor: bianca })).number;
}

/** A pending change on a fresh branch of bianca's whose original occurs once (§8.11). */
export async function pendingChange(fx: Fixture, slug = DRAFT): Promise<string> {
  const { name, headSha } = await fx.branch(slug);
  const row = await db().change.create({
    data: { rfcSlug: slug, branch: name, original: SENTENCE, proposed: SENTENCE.replace("role", "persona"), reason: "matrix", status: "pending", baseSha: headSha },
  });
  return row.id;
}

/** An open flag on the super-draft's main thread, raised by cora. */
export async function openFlag(fx: Fixture): Promise<string> {
  const cora = await fx.actor("contributor");
  const flag = await createFlag({ rfcSlug: DRAFT, branch: "main", kind: "blocking", note: "matrix", anchor: { kind: "paragraph", blockIndex: 2, blockText: SENTENCE } }, cora.userId!);
  return flag.id;
}

export async function mainThreadId(slug = DRAFT): Promise<string> {
  return (await getOrCreateMainThread(slug, "main")).id;
}

/** A new super-draft owned by olive, arbitrated by arnold (for claims: one open claim blocks the next, §13.1). */
export async function freshDraft(fx: Fixture): Promise<string> {
  const slug = unique("draft");
  await commitFiles({
    repo: splitFullName(getConfig().metaRepoFullName), branch: "main", subject: `Seed ${slug}`, actor: await fx.actor("contributor"), audit: { kind: "seed" },
    files: [{ op: "create", path: entryPath(slug), content: serializeNewEntry({ slug, title: `Draft ${slug}`, state: "super-draft", id: "", repo: "", proposedBy: "cora", proposedAt: "2026-01-01T00:00:00Z", graduatedAt: "", graduatedBy: "", owners: ["olive"], arbiters: ["arnold"], tags: [], body: DOC }) }],
  });
  await enqueueRefresh(getConfig().metaRepoFullName, { entries: true });
  return slug;
}

/** An open idea (a propose/<slug> meta PR, §3 state 1) by cora. */
export async function openIdea(fx: Fixture): Promise<number> {
  const slug = unique("idea");
  const pr = await proposeIdea({ actor: await fx.actor("contributor"), slug, title: `Idea ${slug}`, summary: "matrix", tags: [] });
  await enqueueRefresh(getConfig().metaRepoFullName, { pulls: [pr.prNumber] });
  return pr.prNumber;
}
