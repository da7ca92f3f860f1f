import type { PullRequest } from "gitea-js";
import { db } from "@/lib/db/client";
import type { PrKind } from "@/lib/entries";
import { getPull, listPulls, splitFullName } from "@/lib/gitea";
import { ideaTagsToStore } from "./idea-tags";
import { mapLimit } from "./pool";
import { resolvePrAuthors } from "./pr-author";
import { storableOrSkip } from "./skipped-rows";
import { watchMergeability } from "./merge-watch";
import { mergeDecisionOf, prKindAndSlug, prRow, type PrContext } from "./pr-rows";

export type PullsMode = { numbers?: number[]; open?: boolean; all?: boolean };

/**
 * Refreshes a repo's cached PRs (§9) from Gitea: `all` lists every PR (a
 * rebuild), `open` lists the open ones and re-reads those the cache still
 * thinks are open but Gitea no longer lists (closed or merged meanwhile),
 * `numbers` re-reads just those PRs (a webhook or the sweep's PR search).
 * Returns the slugs touched.
 */
export async function refreshRepoPulls(repo: string, ctx: PrContext, mode: PullsMode): Promise<string[]> {
  const ref = splitFullName(repo);
  const found = new Map<number, PullRequest>();
  if (mode.all) for (const pr of await listPulls(ref, "all")) found.set(pr.number ?? 0, pr);
  else if (mode.open) {
    for (const pr of await listPulls(ref, "open")) found.set(pr.number ?? 0, pr);
    const tracked = await db().cachedPr.findMany({ where: { repo, state: "open" }, select: { number: true } });
    mode = { ...mode, numbers: [...(mode.numbers ?? []), ...tracked.map((t) => t.number)] };
  }
  const missing = [...new Set(mode.numbers ?? [])].filter((n) => !found.has(n));
  const fetched = await mapLimit(missing, 4, (n) => getPull(ref, n));
  for (const pr of fetched) if (pr) found.set(pr.number ?? 0, pr);
  return upsertPulls(repo, ctx, [...found.values()]);
}

async function upsertPulls(repo: string, ctx: PrContext, prs: PullRequest[]): Promise<string[]> {
  const authors = await resolvePrAuthors(repo, prs);
  // A PR whose head cannot be read any more keeps the kind the cache knew.
  const known = await db().cachedPr.findMany({
    where: { repo, number: { in: prs.map((p) => p.number ?? 0) } },
    select: { number: true, kind: true, rfcSlug: true, mergeState: true, mergeCheckKey: true, mergeCheckSince: true, headSha: true, ideaTags: true },
  });
  const knownBy = new Map(known.map((k) => [k.number, k]));
  const slugs = new Set<string>();
  const checking: number[] = [];
  for (const pr of prs) {
    const prev = knownBy.get(pr.number ?? 0);
    const ks = prKindAndSlug(pr, ctx) ?? (prev ? { kind: prev.kind as PrKind, slug: prev.rfcSlug } : null);
    if (!ks) continue; // a meta PR Quorum did not open (unknown head branch): not ours to show
    const pulled = prRow(pr, repo, ks.kind, ks.slug, authors.get(pr.number ?? 0) ?? "unknown", mergeDecisionOf(pr, prev ?? null));
    const ideaTags = ks.kind === "idea" && pulled.state === "open" ? await ideaTagsToStore(repo, ks.slug, pulled.headSha, prev) : undefined;
    const row = ideaTags === undefined ? pulled : { ...pulled, ideaTags };
    if (!storableOrSkip(`${repo} PR #${row.number}`, row)) continue; // that PR only (issue 12)
    await db().cachedPr.upsert({
      where: { repo_number: { repo, number: row.number } },
      create: row,
      update: row,
    });
    slugs.add(ks.slug);
    if (row.mergeState === "checking") checking.push(row.number);
  }
  // Gitea is still testing these merges (FACTS §7.2): read them again until it decides.
  watchMergeability(repo, checking);
  return [...slugs];
}
