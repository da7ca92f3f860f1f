import "server-only";
import { actorFrom } from "@/lib/bot/actor";
import type { SessionUser } from "@/lib/auth/session";
import { withBranchLock } from "@/lib/branches/lock";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import type { ChangeView } from "@/lib/threads/views";
import { answerOf, priorAccept, writeAccept } from "./accept-write";
import { assertAcceptable, decisionScope } from "./load";

// §8.9 "Accept selected": several pending changes of one branch as one commit.
// They must not overlap (409 naming the conflicting ids) and each must still
// apply (a stale one → 409 naming it); then it is all of them or none,
// journaled like a single accept (accept-write.ts).

export type BatchResult = { changes: ChangeView[]; commitSha: string; staleChangeIds: string[] };

async function loadAll(ids: string[]) {
  const rows = await db().change.findMany({ where: { id: { in: ids } } });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw notFound(`No change ${missing.join(", ")}`);
  return ids.map((id) => rows.find((r) => r.id === id)!); // in the order asked
}

function assertAllAcceptable(rows: Awaited<ReturnType<typeof loadAll>>) {
  for (const row of rows) {
    try {
      assertAcceptable(row);
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, `${row.id}: ${err.message}`, { ...err.details, changeId: row.id });
      throw err;
    }
  }
}

export async function acceptBatch(args: { changeIds: string[]; user: SessionUser }): Promise<BatchResult> {
  const ids = [...new Set(args.changeIds)];
  const first = await loadAll(ids);
  const where = new Set(first.map((r) => `${r.rfcSlug}\n${r.branch}`));
  if (where.size > 1) throw new AppError("unprocessable", "Changes accepted together must belong to one branch of one RFC.");
  const scope = await decisionScope(first[0], args.user, "accept");
  const prior = await priorAccept(ids, args.user.id, null, false);
  if (prior) return answerOf(prior);
  assertAllAcceptable(first);
  return withBranchLock(scope.rfc.slug, scope.branch.name, async () => {
    const again = await priorAccept(ids, args.user.id, null, true);
    if (again) return answerOf(again);
    const rows = await loadAll(ids);
    assertAllAcceptable(rows);
    const result = await writeAccept({
      scope,
      actor: actorFrom(args.user),
      userId: args.user.id,
      items: rows.map((row) => ({ row, proposed: row.proposed, edited: false })),
      editedText: null,
    });
    return answerOf(result);
  });
}
