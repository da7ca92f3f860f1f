import { db } from "@/lib/db/client";
import type { BotActor } from "./actor";

// §5/§6.5: one `actions` row per Git write and per lifecycle event.
export type AuditEntry = {
  actor: BotActor;
  kind: string;
  rfcSlug?: string | null;
  branch?: string | null;
  repo?: string | null;
  prNumber?: number | null;
  commitSha?: string | null;
  details?: Record<string, unknown>;
};

export async function recordAction(entry: AuditEntry): Promise<number> {
  const row = await db().action.create({
    data: {
      actorUserId: entry.actor.userId,
      onBehalfOf: entry.actor.login,
      kind: entry.kind,
      rfcSlug: entry.rfcSlug ?? null,
      branch: entry.branch ?? null,
      repo: entry.repo ?? null,
      prNumber: entry.prNumber ?? null,
      commitSha: entry.commitSha ?? null,
      details: JSON.stringify(entry.details ?? {}),
    },
    select: { id: true },
  });
  return row.id;
}
