import "server-only";
import type { Change } from "@prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { loadBranchOrThrow, type BranchContext } from "@/lib/branches/context";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { loadRfcOrThrow, type RfcContext } from "@/lib/rfcs/context";

// Who may decide a change card, and when (§6, §8.9, §8.14). Accept and
// decline need edit rights on the branch (its creator, the RFC's owners and
// arbiters, admins). Main is never edited: a buffered change is promoted to
// a branch first (422); the RFC's stewards may decline from the buffer.

export type DecisionScope = { rfc: RfcContext; branch: BranchContext };

export async function loadChangeOrThrow(changeId: string): Promise<Change> {
  const row = await db().change.findUnique({ where: { id: changeId } });
  if (!row) throw notFound("Change not found");
  return row;
}

/** The change's RFC and branch with the permission checked; a private branch is a 404 (§6). */
export async function decisionScope(change: Change, user: Actor, verb: "accept" | "decline"): Promise<DecisionScope> {
  const rfc = await loadRfcOrThrow(change.rfcSlug);
  const branch = await loadBranchOrThrow(rfc, change.branch, user);
  if (branch.isMain || change.status === "buffered") {
    if (verb === "accept") {
      assertCan(user, "chat", { rfc: rfc.scope, branch: branch.scope });
      throw new AppError("unprocessable", "Changes on main are kept in the discuss-mode buffer: promote them to a branch first (§8.14).");
    }
    assertCan(user, "merge_pr", { rfc: rfc.scope }); // the RFC's stewards tend main's buffer
  } else {
    assertCan(user, "edit_branch", { rfc: rfc.scope, branch: branch.scope });
  }
  if (branch.state === "deleted") throw new AppError("conflict", `${branch.name} was deleted; its changes are read-only (§11.5)`);
  return { rfc, branch };
}

/** Only a pending change can be accepted; the answer says why another cannot. */
export function assertAcceptable(change: Change): void {
  const why = change.statusReason ? `: ${change.statusReason}` : ".";
  switch (change.status) {
    case "pending":
      return;
    case "stale":
      throw new AppError("conflict", `This change is stale${why}`, { changeId: change.id, status: change.status });
    case "invalid":
      throw new AppError("unprocessable", `This change is invalid${why}`, { changeId: change.id, status: change.status });
    case "buffered":
      throw new AppError("unprocessable", "Promote buffered changes to a branch before accepting them (§8.14).");
    default:
      throw new AppError("conflict", `This change was already ${change.status}${why}`, { changeId: change.id, status: change.status });
  }
}

export const DECLINABLE = new Set(["pending", "stale", "invalid", "failed", "buffered"]);
