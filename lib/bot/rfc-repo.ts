import type { Repository } from "gitea-js";
import { createOrgRepo, deleteRepo, GiteaError, type RepoRef } from "@/lib/gitea";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";

// Per-RFC repositories are created and (on a graduation rollback) deleted by
// the bot like every other Git write, each with its audit row (§6.5, §13.3).

type AuditRef = { kind: string; rfcSlug: string; details?: Record<string, unknown> };

/**
 * Creates `{org}/{name}` empty, with `main` as its default branch: the first
 * commit is then the bot's seed commit carrying On-behalf-of, not an
 * anonymous auto-init README.
 */
export async function createRfcRepo(args: {
  repo: RepoRef;
  description: string;
  actor: BotActor;
  audit: AuditRef;
}): Promise<Repository> {
  const created = await createOrgRepo(args.repo.owner, {
    name: args.repo.repo,
    description: args.description,
    private: false,
    auto_init: false,
    default_branch: "main",
  });
  await recordAction({
    actor: args.actor,
    kind: args.audit.kind,
    rfcSlug: args.audit.rfcSlug,
    repo: `${args.repo.owner}/${args.repo.repo}`,
    details: { ...args.audit.details },
  });
  return created;
}

/** Deletes a per-RFC repo; one already gone counts as deleted (the outcome holds). */
export async function deleteRfcRepo(args: { repo: RepoRef; actor: BotActor; audit: AuditRef }): Promise<{ deleted: boolean }> {
  try {
    await deleteRepo(args.repo);
  } catch (err) {
    if (err instanceof GiteaError && err.status === 404) return { deleted: false };
    throw err;
  }
  await recordAction({
    actor: args.actor,
    kind: args.audit.kind,
    rfcSlug: args.audit.rfcSlug,
    repo: `${args.repo.owner}/${args.repo.repo}`,
    details: { ...args.audit.details },
  });
  return { deleted: true };
}
