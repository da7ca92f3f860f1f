import "server-only";
import { actorFrom } from "@/lib/bot/actor";
import type { SessionUser } from "@/lib/auth/session";
import type { ChangeView } from "@/lib/threads/views";
import { withBranchLock } from "@/lib/branches/lock";
import { answerOf, priorAccept, writeAccept } from "./accept-write";
import { assertAcceptable, decisionScope, loadChangeOrThrow } from "./load";

// §8.9 Accept: commit the change (or the person's edit of it) to its branch
// through the bot, with the §8.9 message, then mark it accepted and apply the
// §8.11 stale rule to the rest — journaled, so it never half-happens and a
// retry gets the first answer (accept-write.ts). Checked twice: before
// taking the branch lock for a quick answer, and inside it, where the
// decision really happens.

export type AcceptResult = { change: ChangeView; commitSha: string; staleChangeIds: string[] };

const single = async (result: Parameters<typeof answerOf>[0]): Promise<AcceptResult> => {
  const { changes, commitSha, staleChangeIds } = await answerOf(result);
  return { change: changes[0], commitSha, staleChangeIds };
};

export async function acceptChange(args: { changeId: string; user: SessionUser; editedText?: string }): Promise<AcceptResult> {
  const { user } = args;
  const first = await loadChangeOrThrow(args.changeId);
  const scope = await decisionScope(first, user, "accept");
  const editedOf = (proposed: string) => (args.editedText !== undefined && args.editedText !== proposed ? args.editedText : null);
  if (first.status !== "pending") {
    const prior = await priorAccept([first.id], user.id, editedOf(first.proposed), false);
    if (prior) return single(prior);
    assertAcceptable(first);
  }
  return withBranchLock(scope.rfc.slug, scope.branch.name, async () => {
    const prior = await priorAccept([first.id], user.id, editedOf(first.proposed), true);
    if (prior) return single(prior);
    const row = await loadChangeOrThrow(args.changeId);
    assertAcceptable(row); // a concurrent accept may have made it stale meanwhile
    const editedText = editedOf(row.proposed);
    const result = await writeAccept({
      scope,
      actor: actorFrom(user),
      userId: user.id,
      items: [{ row, proposed: editedText ?? row.proposed, edited: editedText !== null }],
      editedText,
    });
    return single(result);
  });
}
