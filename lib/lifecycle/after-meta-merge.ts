import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { readEntryOrThrow } from "@/lib/bot/meta-entry";
import { syncRfcMetadata } from "@/lib/bot/sync-rfc-metadata";
import type { MetaPrKind } from "@/lib/entries";

/**
 * What follows a merged metadata change (§3): an active RFC's repo takes the
 * new title, owners, arbiters and tags. (New owners or arbiters reach the
 * private companion repos through the cache refresh of the entry, which
 * calls syncPrivateCollaborators.) Never throws: the merge stands, and the
 * lifecycle sweep retries a repo sync that failed (syncRfcMetadata leaves an
 * audit row once the repo holds it).
 */
export async function afterMetaMerge(args: { kind: MetaPrKind; slug: string; prNumber: number; actor: BotActor }): Promise<void> {
  if (args.kind !== "meta_metadata") return;
  try {
    const { entry, sha } = await readEntryOrThrow(args.slug);
    if (entry.repo) await syncRfcMetadata({ entry, entrySha: sha, actor: args.actor, prNumber: args.prNumber });
  } catch (err) {
    console.warn(`[quorum] ${args.slug}'s repo does not show metadata PR #${args.prNumber} yet (the lifecycle sweep retries):`, err instanceof Error ? err.message : err);
  }
}
