import "server-only";
import { loadRfcOrThrow } from "./context";

// The RFC header of the RFC view (GET /api/rfcs/{slug}): the one loader's RFC as JSON.

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
  const rfc = await loadRfcOrThrow(slug);
  return {
    slug: rfc.slug,
    title: rfc.title,
    state: rfc.state,
    rfcId: rfc.rfcId,
    repo: rfc.repo,
    kind: rfc.repo ? "rfc" : "super-draft",
    owners: rfc.scope.owners,
    arbiters: rfc.scope.arbiters,
    tags: rfc.tags,
    proposedBy: rfc.proposedBy,
    lastActivityAt: rfc.lastActivityAt.toISOString(),
  };
}
