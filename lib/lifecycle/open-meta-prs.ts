import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { prSummary } from "@/lib/prs/pr-summary";
import type { LifecycleMetaPr } from "@/lib/contracts/lifecycle";

export type AdminMetaPr = LifecycleMetaPr & { slug: string; rfcTitle: string };

type MetaPrRow = { number: number; kind: string; title: string; body: string; openedBy: string; openedAt: Date };

/** A cached claim or metadata PR as the lifecycle panel and the admin page show it (§13.1). */
export function toLifecycleMetaPr(p: MetaPrRow): LifecycleMetaPr {
  const { metaRepoFullName, giteaPublicUrl } = getConfig();
  return {
    number: p.number,
    kind: p.kind === "meta_claim" ? "claim" : "metadata",
    title: p.title,
    summary: prSummary(p.body),
    openedBy: p.openedBy,
    openedAt: p.openedAt.toISOString(),
    url: `${giteaPublicUrl}/${metaRepoFullName}/pulls/${p.number}`,
  };
}

/** Open claims and metadata changes of every live entry, oldest first: what admins merge or close (§13.1, the admin page). */
export async function listOpenMetaPrs(): Promise<AdminMetaPr[]> {
  const { metaRepoFullName } = getConfig();
  const prs = await db().cachedPr.findMany({
    where: { repo: metaRepoFullName, state: "open", kind: { in: ["meta_claim", "meta_metadata"] } },
    orderBy: { openedAt: "asc" },
  });
  const rfcs = await db().cachedRfc.findMany({ where: { slug: { in: [...new Set(prs.map((p) => p.rfcSlug))] } }, select: { slug: true, title: true, state: true } });
  const bySlug = new Map(rfcs.map((r) => [r.slug, r]));
  return prs
    .filter((p) => ["super-draft", "active"].includes(bySlug.get(p.rfcSlug)?.state ?? ""))
    .map((p) => ({ ...toLifecycleMetaPr(p), slug: p.rfcSlug, rfcTitle: bySlug.get(p.rfcSlug)?.title ?? p.rfcSlug }));
}
