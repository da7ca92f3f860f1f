import "server-only";
import { db } from "@/lib/db/client";
import { changesBeingAccepted } from "@/lib/writes/journal";
import { markStale } from "./decide/status";
import { checkApplicable } from "./locate";

/**
 * §8.11 stale rule, the one place it lives: after any commit to a branch,
 * every pending change on it whose original no longer occurs exactly once in
 * the new text becomes `stale`, with the reason shown on its card. Call it
 * after every commit (manual edit flush, change accept, update from main).
 * A change whose accept is still being written (an open journal row,
 * lib/writes) is never judged by the text its own commit made: it is left
 * for that accept to settle (issue 13 item 4). Returns the ids that became stale.
 */
export async function markStaleChanges({ slug, branch, text, exclude = [] }: { slug: string; branch: string; text: string; exclude?: string[] }): Promise<string[]> {
  const [rows, accepting] = await Promise.all([
    db().change.findMany({ where: { rfcSlug: slug, branch, status: "pending" } }),
    changesBeingAccepted(slug, branch),
  ]);
  const pending = rows.filter((c) => !accepting.has(c.id) && !exclude.includes(c.id));
  const stale: string[] = [];
  for (const change of pending) {
    const check = checkApplicable(text, change.original);
    if (check.ok) continue;
    // Only a still-pending row turns stale: an accept racing with us wins.
    if (await markStale(change, check.message)) stale.push(change.id);
  }
  return stale;
}
