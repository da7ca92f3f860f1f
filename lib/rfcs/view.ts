import "server-only";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { notFound } from "@/lib/http/errors";

// The RFC header of the RFC view (GET /api/rfcs/{slug}), from the cache (§4).

export type RfcView = {
  slug: string;
  title: string;
  state: string;
  rfcId: string | null;
  repo: string | null;
  kind: "super-draft" | "rfc"; // where the document lives: the meta entry body, or RFC.md in its repo (§3)
  owners: string[];
  arbiters: string[];
  tags: string[];
  proposedBy: string | null;
  lastActivityAt: string;
};

export async function getRfcViewOrThrow(slug: string): Promise<RfcView> {
  const row = await db().cachedRfc.findUnique({ where: { slug } });
  if (!row) throw notFound(`No RFC "${slug}"`);
  return {
    slug: row.slug,
    title: row.title,
    state: row.state,
    rfcId: row.rfcId || null,
    repo: row.repo || null,
    kind: row.repo ? "rfc" : "super-draft",
    owners: parseList(row.owners),
    arbiters: parseList(row.arbiters),
    tags: parseList(row.tags),
    proposedBy: row.proposedBy || null,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}
