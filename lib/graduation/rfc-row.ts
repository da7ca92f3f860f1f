import "server-only";
import type { RfcScope } from "@/lib/auth/permissions";
import { metaRepo } from "@/lib/bot/meta-entry";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { parseMetaHead } from "@/lib/entries";
import { listPulls } from "@/lib/gitea";
import { conflict, notFound } from "@/lib/http/errors";

// The catalog row of the RFC being graduated and the §9.8 gate read from Gitea.

export async function loadRfcOrThrow(slug: string) {
  const row = await db().cachedRfc.findUnique({
    where: { slug },
    select: { slug: true, title: true, state: true, rfcId: true, repo: true, owners: true, arbiters: true },
  });
  if (!row) throw notFound(`No RFC ${slug}`);
  return row;
}

export type RfcRow = Awaited<ReturnType<typeof loadRfcOrThrow>>;

export const scopeOf = (row: Pick<RfcRow, "owners" | "arbiters">): RfcScope => ({
  owners: parseList(row.owners),
  arbiters: parseList(row.arbiters),
});

/**
 * §9.8: an open body-edit PR would put a body back into an entry that is
 * frontmatter-only after graduation. POST asks Gitea, not the cache, since a
 * PR opened a moment ago may not have reached the cache yet.
 */
export async function assertNoBlockingPrs(slug: string): Promise<void> {
  const open = await listPulls(metaRepo(), "open");
  const blocking = open.filter((pr) => {
    const head = parseMetaHead(pr.head?.ref ?? "");
    return head?.kind === "meta_body_edit" && head.slug === slug;
  });
  if (blocking.length) {
    const numbers = blocking.map((pr) => pr.number ?? 0);
    throw conflict(`Open body-edit PRs block graduation: ${numbers.map((n) => `#${n}`).join(", ")} (§9.8)`, { blockingPrs: numbers });
  }
}
