import "server-only";
import { actorFrom } from "@/lib/bot/actor";
import type { SessionUser } from "@/lib/auth/session";
import type { ChangeView } from "@/lib/threads/views";
import { getLocks } from "@/lib/coordination/locks";
import { afterAcceptCommit } from "./after-commit";
import { commitChanges } from "./commit-changes";
import { assertAcceptable, branchKey, decisionScope, loadChangeOrThrow } from "./load";
import { markAccepted } from "./status";

// §8.9 Accept: commit the change (or the person's edit of it) to its branch
// through the bot, with the §8.9 message, then mark it accepted and apply the
// §8.11 stale rule to the rest. Checked twice: before taking the branch lock
// for a quick answer, and inside it, where the decision really happens.

export type AcceptResult = { change: ChangeView; commitSha: string; staleChangeIds: string[] };

export async function acceptChange(args: { changeId: string; user: SessionUser; editedText?: string }): Promise<AcceptResult> {
  const { user } = args;
  const first = await loadChangeOrThrow(args.changeId);
  const scope = await decisionScope(first, user, "accept");
  assertAcceptable(first);
  return getLocks().withLock(branchKey(scope), async () => {
    const row = await loadChangeOrThrow(args.changeId);
    assertAcceptable(row); // a concurrent accept may have made it stale meanwhile
    const edited = args.editedText !== undefined && args.editedText !== row.proposed;
    const proposed = edited ? (args.editedText as string) : row.proposed;
    const committed = await commitChanges({
      place: scope.branch.place,
      cachedHead: scope.branch.headSha,
      actor: actorFrom(user),
      items: [{ row, proposed, edited }],
    });
    const change = await markAccepted(row, { userId: user.id, commitSha: committed.commitSha, editedText: edited ? proposed : null });
    const staleChangeIds = await afterAcceptCommit(scope, committed);
    return { change, commitSha: committed.commitSha, staleChangeIds };
  });
}
