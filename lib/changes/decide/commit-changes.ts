import "server-only";
import type { Change } from "@prisma/client";
import type { BotActor } from "@/lib/bot/actor";
import { applyMany, checkApplicable, type PlannedChange } from "@/lib/changes/locate";
import { AppError } from "@/lib/http/errors";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { writeDocument } from "@/lib/rfc-docs/write-document";
import type { RfcContext } from "@/lib/rfcs/context";
import { changeBody, changeSubject, changeTrailers, type AcceptedChange } from "./commit-message";
import { markFailed, markStale } from "./status";
import { expectedFileText, verifyOrRevert } from "./verify-commit";

// §8.9 one bot commit for one or several accepted changes, based on the
// branch's current head: each original must occur exactly once in the text
// now (§8.11, else the change turns stale → 409), the spans must not overlap
// (→ 409 naming the ids), and the commit is read back and checked.

export type ToCommit = { row: Change; proposed: string; edited: boolean };
export type Committed = { commitSha: string; text: string };

// A write that loses the blob-sha race to a writer outside our branch lock
// (a manual-edit flush) starts over from the new head: the originals are
// checked again against it.
const ATTEMPTS = 3;

const isHeadMoved = (err: unknown) => err instanceof AppError && err.code === "conflict" && !!err.details && "headSha" in err.details;

export async function commitChanges(args: { rfc: RfcContext; branch: string; actor: BotActor; items: ToCommit[] }): Promise<Committed> {
  const { rfc, branch, actor, items } = args;
  for (let attempt = 1; ; attempt++) {
    const before = await readDocumentAt(rfc.home, branch);
    const planned: PlannedChange[] = [];
    for (const { row, proposed } of items) {
      const check = checkApplicable(before.text, row.original);
      if (!check.ok) {
        await markStale(row, check.message);
        throw new AppError("conflict", `This change is stale: ${check.message}`, { changeId: row.id, statusReason: check.message });
      }
      planned.push({ id: row.id, span: check.span, proposed });
    }
    const applied = applyMany(before.text, planned);
    if (!applied.ok) throw new AppError("conflict", applied.message, { conflicts: applied.conflicts });
    if (applied.text === before.text) throw new AppError("unprocessable", "Accepting would not change the document: the proposed text equals the original.");

    const accepted: AcceptedChange[] = items.map(({ row, proposed, edited }) => ({
      id: row.id, messageId: row.messageId, modelId: row.modelId, original: row.original, proposed, reason: row.reason,
      aiProposed: edited ? row.proposed : null,
    }));
    const subject = changeSubject(accepted, branch);
    const ids = items.map((i) => i.row.id);
    let commitSha: string | null;
    try {
      ({ commitSha } = await writeDocument({
        home: rfc.home, branch, baseSha: before.headSha, text: applied.text, actor, subject,
        body: changeBody(accepted), trailers: changeTrailers(accepted),
        audit: { kind: "accept_change", details: { changeIds: ids, models: accepted.map((c) => c.modelId), edited: items.some((i) => i.edited) } },
      }));
    } catch (err) {
      if (isHeadMoved(err) && attempt < ATTEMPTS) continue;
      throw err;
    }
    if (!commitSha) throw new AppError("conflict", "The branch already holds this text; nothing was committed.");

    const check = await verifyOrRevert({ rfc, branch, before, commitSha, fileText: expectedFileText(rfc, before, applied.text), subject, changeIds: ids, actor });
    if (check.problems.length) {
      const reason = `The commit did not match the change (${check.problems.join("; ")}), so it was reverted in ${check.revertSha?.slice(0, 10)}.`;
      for (const { row } of items) await markFailed(row, reason);
      throw new AppError("upstream", reason, { commitSha, revertSha: check.revertSha });
    }
    return { commitSha, text: applied.text };
  }
}
