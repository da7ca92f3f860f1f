import "server-only";
import { recordAction } from "@/lib/bot/audit";
import { actorFrom } from "@/lib/bot/actor";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import type { ChangeView } from "@/lib/threads/views";
import { DECLINABLE, decisionScope, loadChangeOrThrow } from "./load";
import { markDeclined } from "./status";

// §8.9 Decline records the decision — who and when — and writes nothing to
// Git. Stale, invalid and failed cards can be declined too, to clear them.

export async function declineChange(args: { changeId: string; user: SessionUser }): Promise<ChangeView> {
  const row = await loadChangeOrThrow(args.changeId);
  const scope = await decisionScope(row, args.user, "decline");
  if (!DECLINABLE.has(row.status)) throw new AppError("conflict", `This change was already ${row.status}.`, { status: row.status });
  const change = await markDeclined(row, args.user.id);
  if (!change) throw new AppError("conflict", "This change was decided by someone else a moment ago; reload to see how.");
  await recordAction({
    actor: actorFrom(args.user),
    kind: "decline_change",
    rfcSlug: scope.rfc.slug,
    branch: scope.branch.name,
    details: { changeId: row.id, previousStatus: row.status, modelId: row.modelId, messageId: row.messageId },
  });
  return change;
}
