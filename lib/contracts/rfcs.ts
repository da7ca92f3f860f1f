import type { RowLifecycle } from "@/lib/lifecycle/row";

/** docs/API.md RfcView: GET /api/rfcs/{slug} (the RFC's header) and each row of GET /api/rfcs. */
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

/**
 * GET /api/rfcs: one page of the catalog in slug order; `nextCursor` asks for
 * the next (§17). `lifecycle` is what the catalog row says: withdrawn with its
 * reason, decided, a motion and its final comment period, or unclaimed.
 */
export type RfcListPage = { rfcs: (RfcView & { summary: string; lifecycle: RowLifecycle | null })[]; nextCursor: string | null };
