import type { BotActor } from "@/lib/bot/actor";
import { metaRepo, nowIso } from "@/lib/bot/meta-entry";
import { createRfcRepo } from "@/lib/bot/rfc-repo";
import { commitFiles, type FileWrite } from "@/lib/bot/write-files";
import { getConfig } from "@/lib/config";
import { entryPath, serializeNewEntry, type EntryState } from "@/lib/entries";
import { rfcIdOf, rfcRepoNameOf } from "@/scripts/seed/active-rfc";

// Writes N meta entries in a few multi-file bot commits, and gives the
// active share their own per-RFC repos (§3), for the sweep benchmark.

const USERS = ["alice", "bob", "carol"];
const TAGS = ["sync", "storage", "api", "editor", "security", "performance", "ops"];

export type BulkSpec = { total: number; active: number; withdrawn: number; batch?: number };
export type BulkRfc = { slug: string; state: EntryState; repo: string | null };

const body = (i: number) => `# Proposal ${i}\n\n## Summary\n\nA proposal about topic ${i}.\n\n## Motivation\n\nBecause ${i} matters.\n`;

export async function seedBulk(actor: BotActor, spec: BulkSpec): Promise<BulkRfc[]> {
  const { org } = getConfig();
  const rfcs: BulkRfc[] = [];
  const files: FileWrite[] = [];
  for (let i = 1; i <= spec.total; i++) {
    const slug = `proposal-${String(i).padStart(4, "0")}`;
    const active = i <= spec.active;
    const state: EntryState = active ? "active" : i <= spec.active + spec.withdrawn ? "withdrawn" : "super-draft";
    const repo = active ? `${org}/${rfcRepoNameOf(i, slug)}` : null;
    const at = nowIso();
    const content = serializeNewEntry({
      slug,
      title: `Proposal number ${i}`,
      state,
      id: active ? rfcIdOf(i) : "",
      repo: repo ?? "",
      proposedBy: USERS[i % 3],
      proposedAt: at,
      graduatedAt: active ? at : "",
      graduatedBy: active ? "carol" : "",
      owners: [USERS[i % 3]],
      arbiters: ["carol"],
      tags: [TAGS[i % TAGS.length], TAGS[(i * 3) % TAGS.length]],
      body: active ? "" : body(i),
    });
    files.push({ op: "create", path: entryPath(slug), content });
    rfcs.push({ slug, state, repo });
  }
  const batch = spec.batch ?? 100;
  for (let i = 0; i < files.length; i += batch) {
    await commitFiles({ repo: metaRepo(), branch: "main", files: files.slice(i, i + batch), subject: `Add entries ${i + 1}–${i + batch}`, actor, audit: { kind: "bench_seed" } });
  }
  for (const [i, rfc] of rfcs.entries()) {
    if (!rfc.repo) continue;
    const ref = { owner: org, repo: rfc.repo.split("/")[1] };
    await createRfcRepo({ repo: ref, description: rfc.slug, actor, audit: { kind: "create_repo", rfcSlug: rfc.slug } });
    await commitFiles({
      repo: ref,
      branch: "main",
      files: [
        { op: "create", path: "RFC.md", content: body(i + 1) },
        { op: "create", path: "README.md", content: `# ${rfcIdOf(i + 1)}\n` },
      ],
      subject: "Seed",
      actor,
      audit: { kind: "seed_rfc_repo", rfcSlug: rfc.slug },
    });
  }
  return rfcs;
}
