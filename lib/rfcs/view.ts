import "server-only";
import type { RfcView } from "@/lib/contracts";
import { loadRfcOrThrow, type Rfc } from "./context";

// The RFC header of the RFC view (GET /api/rfcs/{slug}): the one loader's RFC as JSON.

export async function getRfcViewOrThrow(slug: string): Promise<RfcView> {
  return toRfcView(await loadRfcOrThrow(slug));
}

type ViewFields = Pick<Rfc, "slug" | "title" | "state" | "rfcId" | "repo" | "scope" | "tags" | "proposedBy" | "lastActivityAt">;

/** An RFC as the API shows it: GET /api/rfcs/{slug}, and each row of GET /api/rfcs. */
export function toRfcView(rfc: ViewFields): RfcView {
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
