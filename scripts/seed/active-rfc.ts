import type { BotActor } from "@/lib/bot/actor";
import { metaRepo, nowIso } from "@/lib/bot/meta-entry";
import { createRfcRepo } from "@/lib/bot/rfc-repo";
import { commitFiles } from "@/lib/bot/write-files";
import { getConfig } from "@/lib/config";
import { entryPath, serializeNewEntry, type Entry } from "@/lib/entries";
import { seedFiles } from "@/lib/graduation/seed-files";

export type ActiveRfcSpec = {
  slug: string;
  title: string;
  number: number; // 1 → RFC-0001, repo rfc-0001-<slug>
  body: string;
  proposedBy: string;
  owners: string[];
  arbiters?: string[];
  tags?: string[];
};

export const rfcIdOf = (n: number) => `RFC-${String(n).padStart(4, "0")}`;
export const rfcRepoNameOf = (n: number, slug: string) => `rfc-${String(n).padStart(4, "0")}-${slug}`;

/**
 * An active RFC (§3 state 3) written straight through the bot, without the
 * graduation flow: the per-RFC repo with RFC.md, README.md and
 * .rfc/metadata.yaml, then the frontmatter-only meta entry on main.
 * For demo content, tests and the benchmark.
 */
export async function createActiveRfc(actor: BotActor, spec: ActiveRfcSpec): Promise<{ repo: string; rfcId: string }> {
  const { org, metaRepoFullName, appUrl, giteaPublicUrl } = getConfig();
  const rfcId = rfcIdOf(spec.number);
  const repoRef = { owner: org, repo: rfcRepoNameOf(spec.number, spec.slug) };
  const repo = `${repoRef.owner}/${repoRef.repo}`;
  const at = nowIso();
  const fields = {
    slug: spec.slug,
    title: spec.title,
    state: "active" as const,
    id: rfcId,
    repo,
    proposedBy: spec.proposedBy,
    proposedAt: at,
    graduatedAt: at,
    graduatedBy: actor.login,
    owners: spec.owners,
    arbiters: spec.arbiters ?? [],
    tags: spec.tags ?? [],
  };
  const entry: Entry = { ...fields, extra: {}, body: spec.body };
  await createRfcRepo({ repo: repoRef, description: `${rfcId}: ${spec.title}`, actor, audit: { kind: "create_repo", rfcSlug: spec.slug } });
  const files = seedFiles({ entry, rfcId, repo, metaRepo: metaRepoFullName, entryPath: entryPath(spec.slug), appUrl, giteaPublicUrl });
  await commitFiles({
    repo: repoRef,
    branch: "main",
    files: files.map((f) => ({ op: "create" as const, ...f })),
    subject: `Seed ${rfcId}: ${spec.title}`,
    actor,
    audit: { kind: "seed_rfc_repo", rfcSlug: spec.slug },
  });
  await commitFiles({
    repo: metaRepo(),
    branch: "main",
    files: [{ op: "create", path: entryPath(spec.slug), content: serializeNewEntry({ ...fields, body: "" }) }],
    subject: `Add ${rfcId}: ${spec.title} (active)`,
    actor,
    audit: { kind: "seed_active_entry", rfcSlug: spec.slug },
  });
  return { repo, rfcId };
}
