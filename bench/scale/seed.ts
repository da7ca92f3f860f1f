import type { BotActor } from "@/lib/bot/actor";
import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { getConfig } from "@/lib/config";
import { entryPath, serializeNewEntry, type Entry, type EntryState } from "@/lib/entries";
import { seedFiles } from "@/lib/graduation/seed-files";
import { rfcIdOf, rfcRepoNameOf } from "@/scripts/seed/active-rfc";
import { bodyFor, rng, titleFor, type Corpus } from "./corpus";

// N RFCs on the local forge, fast but as Gitea would hold them (the bench
// note in bench/README.md says how): the meta entries go in through the bot's
// multi-file commits, 500 files each, instead of one commit per entry; every
// graduated RFC (active, accepted, rejected) gets its own repo with RFC.md,
// README.md and .rfc/metadata.yaml in one commit, 500 repos per call of the
// forge's bulk route (real bare repos, no git process per object, no
// webhooks: the app learns them from its startup sweep).
// Numbers run from `from` to `to`, so a second call grows the same world.

const TAGS = ["sync", "storage", "api", "editor", "security", "performance", "ops", "auth", "search", "ui", "i18n", "testing", "docs", "infra", "data"];
const OWNERS = ["alice", "bob", "carol", ...Array.from({ length: 37 }, (_, i) => `user${String(i + 1).padStart(2, "0")}`)];

export type SeededRfc = { slug: string; state: EntryState; repo: string | null; n: number };

/** The state of RFC number n: 70 % super-drafts, 15 % active, 5 % accepted, 3 % rejected, 7 % withdrawn. */
export function stateOf(n: number): EntryState {
  const k = n % 100;
  return k < 70 ? "super-draft" : k < 85 ? "active" : k < 90 ? "accepted" : k < 93 ? "rejected" : "withdrawn";
}

const graduated = (s: EntryState) => s === "active" || s === "accepted" || s === "rejected";
const slugOf = (n: number) => `rfc-bench-${String(n).padStart(5, "0")}`;

function entryOf(c: Corpus, n: number): Entry {
  const r = rng(n * 31 + 3);
  const state = stateOf(n);
  const repo = graduated(state) ? `${getConfig().org}/${rfcRepoNameOf(n, slugOf(n))}` : "";
  const at = new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
  const owner = OWNERS[Math.floor(r() * OWNERS.length)];
  return {
    slug: slugOf(n),
    title: titleFor(c, n),
    state,
    id: repo ? rfcIdOf(n) : "",
    repo,
    proposedBy: owner,
    proposedAt: at,
    graduatedAt: repo ? at : "",
    graduatedBy: repo ? "carol" : "",
    owners: state === "super-draft" && r() < 0.3 ? [] : [owner],
    arbiters: ["carol"],
    tags: [TAGS[Math.floor(r() * TAGS.length)], TAGS[Math.floor(r() * TAGS.length)]].filter((t, i, a) => a.indexOf(t) === i),
    extra: {},
    body: bodyFor(c, n),
  };
}

type BulkPost = (pathname: string, body: unknown) => Promise<void>;

export async function seedRfcs(actor: BotActor, bulk: BulkPost, c: Corpus, from: number, to: number): Promise<SeededRfc[]> {
  const entries = Array.from({ length: to - from + 1 }, (_, i) => entryOf(c, from + i));
  for (let i = 0; i < entries.length; i += 500) {
    const files = entries.slice(i, i + 500).map((e) => ({
      op: "create" as const,
      path: entryPath(e.slug),
      content: serializeNewEntry({ ...e, body: e.repo ? "" : e.body }), // a graduated entry keeps frontmatter only (§3)
    }));
    await commitFiles({ repo: metaRepo(), branch: "main", files, subject: `Add ${files.length} entries`, actor, audit: { kind: "bench_seed" } });
  }
  const { org, metaRepoFullName, appUrl, giteaPublicUrl } = getConfig();
  const graduatedEntries = entries.filter((e) => e.repo);
  for (let i = 0; i < graduatedEntries.length; i += 500) {
    const repos = graduatedEntries.slice(i, i + 500).map((e) => ({
      name: e.repo.split("/")[1],
      description: `${e.id}: ${e.title}`,
      message: `Seed ${e.id}`,
      files: seedFiles({ entry: e, rfcId: e.id, repo: e.repo, metaRepo: metaRepoFullName, entryPath: entryPath(e.slug), appUrl, giteaPublicUrl }),
    }));
    await bulk("/bulk/repos", { owner: org, author: { name: "Quorum", email: `${actor.login}@bench.invalid` }, repos });
  }
  return entries.map((e, i) => ({ slug: e.slug, state: e.state, repo: e.repo || null, n: from + i }));
}
