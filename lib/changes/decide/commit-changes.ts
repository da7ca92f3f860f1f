import "server-only";
import type { Change } from "@prisma/client";
import type { BotActor } from "@/lib/bot/actor";
import type { BranchPlace } from "@/lib/branches/place";
import { readDetails } from "@/lib/changes/details";
import { applyMany, checkApplicable, type PlannedChange } from "@/lib/changes/locate";
import { AppError } from "@/lib/http/errors";
import { readDocumentAt, readDocumentAtCommit, type StoredDocument } from "@/lib/rfc-docs/read-document";
import { headMoved, writeDocument } from "@/lib/rfc-docs/write-document";
import { changeBody, changeSubject, changeTrailers, type AcceptedChange } from "./commit-message";
import { markFailed, markStale } from "./status";

// §8.9 one bot commit for one or several accepted changes, based on the
// branch's current head: each original must occur exactly once in the text
// now (§8.11, else the change turns stale → 409), the spans must not overlap
// (→ 409 naming the ids). §15 item 3: the document is the one the cache's
// head points at when the app knows it (no read), else one read; the commit
// is checked by its blob sha, not read back (lib/rfc-docs/write-document).

export type ToCommit = { row: Change; proposed: string; edited: boolean };
/** `before`: the text the changes were applied to, for the stale rule's overlap check. */
export type Committed = { commitSha: string; parentSha: string | null; text: string; before: string };

// A write that loses the blob-sha race to a writer outside our branch lock
// (a manual-edit flush), or that was based on a head the cache had not seen
// move, starts over from the live head: the originals are checked again.
const ATTEMPTS = 3;

/** The document to apply to: at the head the cache knows (remembered, or one read), else read live. */
async function documentFor(place: BranchPlace, cachedHead: string | null): Promise<{ doc: StoredDocument; live: boolean }> {
  const known = cachedHead ? await readDocumentAtCommit(place, cachedHead) : null;
  return known ? { doc: known, live: false } : { doc: await readDocumentAt(place), live: true };
}

export async function commitChanges(args: { place: BranchPlace; cachedHead: string | null; actor: BotActor; items: ToCommit[] }): Promise<Committed> {
  const { place, actor, items } = args;
  const branch = place.name;
  let cachedHead = args.cachedHead;
  for (let attempt = 1; ; attempt++) {
    const { doc: before, live } = await documentFor(place, cachedHead);
    cachedHead = null; // a retry reads the live head
    const planned: PlannedChange[] = [];
    let stale: { row: Change; message: string } | null = null;
    for (const { row, proposed } of items) {
      const check = checkApplicable(before.text, row.original);
      if (!check.ok) {
        stale = { row, message: check.message };
        break;
      }
      planned.push({ id: row.id, span: check.span, proposed });
    }
    // A change is judged stale against the live head only, never against a cached one that may lag.
    if (stale && !live) continue;
    if (stale) {
      await markStale(stale.row, stale.message);
      throw new AppError("conflict", `This change is stale: ${stale.message}`, { changeId: stale.row.id, statusReason: stale.message });
    }
    const applied = applyMany(before.text, planned);
    if (!applied.ok && !live) continue;
    if (!applied.ok) throw new AppError("conflict", applied.message, { conflicts: applied.conflicts });
    if (applied.text === before.text) throw new AppError("unprocessable", "Accepting would not change the document: the proposed text equals the original.");

    const accepted: AcceptedChange[] = items.map(({ row, proposed, edited }) => ({
      id: row.id, messageId: row.messageId, modelId: row.modelId, original: row.original, proposed, reason: row.reason,
      aiProposed: edited ? row.proposed : null, repaired: readDetails(row.details).repaired === true,
    }));
    const ids = items.map((i) => i.row.id);
    let res;
    try {
      res = await writeDocument({
        place, before, text: applied.text, actor, subject: changeSubject(accepted, branch),
        body: changeBody(accepted), trailers: changeTrailers(accepted),
        audit: { kind: "accept_change", details: { changeIds: ids, models: accepted.map((c) => c.modelId), edited: items.some((i) => i.edited) } },
      });
    } catch (err) {
      // The commit was not our bytes and was reverted: the change is not in the document.
      if (err instanceof AppError && err.details && "revertSha" in err.details) for (const { row } of items) await markFailed(row, err.message);
      throw err;
    }
    if (res.kind === "moved") {
      if (attempt < ATTEMPTS) continue;
      return headMoved(place);
    }
    if (res.kind === "unchanged") throw new AppError("conflict", "The branch already holds this text; nothing was committed.");
    return { commitSha: res.commitSha, parentSha: res.parentSha, text: applied.text, before: before.text };
  }
}
