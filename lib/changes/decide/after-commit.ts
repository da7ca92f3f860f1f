import "server-only";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { Committed } from "./commit-changes";
import type { DecisionScope } from "./load";

/**
 * After an accept commit (§8.11): every other pending change on the branch
 * whose original no longer occurs exactly once turns stale, and the cache
 * notes the new head (§4.1). Returns the ids that turned stale.
 */
export async function afterAcceptCommit(scope: DecisionScope, committed: Committed): Promise<string[]> {
  const stale = await markStaleChanges({ slug: scope.rfc.slug, branch: scope.branch.name, text: committed.text });
  await refreshAfterWrite(scope.branch.place, { head: { from: committed.parentSha, to: committed.commitSha } });
  return stale;
}
