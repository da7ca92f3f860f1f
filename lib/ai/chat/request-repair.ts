import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { loadBranchOrThrow } from "@/lib/branches/context";
import { loadChangeOrThrow } from "@/lib/changes/decide/load";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { loadUserRefs, toChange, type ChangeView } from "@/lib/threads/views";
import { threadScope } from "./context";
import { repairChange } from "./repair-change";

// POST /api/changes/{id}/repair — "Ask the AI to fix" on an invalid card
// (issue 16). Whoever may ask the AI on the branch may ask; the card is
// judged against the branch's text now, which becomes its base commit.

export async function requestRepair(args: { changeId: string; user: SessionUser }): Promise<ChangeView> {
  const row = await loadChangeOrThrow(args.changeId);
  const rfc = await loadRfcOrThrow(row.rfcSlug);
  const branch = await loadBranchOrThrow(rfc, row.branch, args.user); // a private branch is a 404 (§6)
  assertCan(args.user, "ask_ai", { rfc: rfc.scope, branch: branch.scope });
  const settings = getConfig().ai;
  if (!settings.enabled) throw new AppError("unprocessable", settings.reason);
  if (branch.state === "deleted") throw new AppError("conflict", `${branch.name} was deleted; its changes are read-only (§11.5)`);
  const doc = await readDocumentAt(branch.place);
  const thread = row.threadId ? await db().thread.findUnique({ where: { id: row.threadId } }) : null;
  const repaired = await repairChange({
    changeId: row.id,
    userId: args.user.id,
    automatic: false,
    where: { doc, onMain: branch.isMain, scope: threadScope(thread, doc.text) },
  });
  if (repaired) return repaired;
  // Dismissed or decided while the AI was answering: show it as it is.
  const now = await loadChangeOrThrow(row.id);
  return toChange(now, await loadUserRefs([now.decidedBy]));
}
