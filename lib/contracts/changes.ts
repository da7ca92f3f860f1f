import type { UserRef } from "./users";

export type ChangeStatus = "pending" | "accepted" | "declined" | "stale" | "buffered" | "invalid" | "failed";

/** One block the model sent for a card (issue 16); statusReason is null for the one that held. */
export type ChangeAttempt = { original: string; proposed: string; reason: string; statusReason: string | null };

/** docs/API.md Change: a change card (§8.8, §18). */
export type Change = {
  id: string;
  rfcSlug: string;
  branch: string;
  threadId: string | null;
  messageId: string | null;
  original: string;
  proposed: string;
  reason: string;
  status: ChangeStatus;
  statusReason: string | null;
  baseSha: string | null;
  modelId: string | null;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  commitSha: string | null;
  editedText: string | null;
  /** The buffered change on main this one was promoted from (§8.14). */
  promotedFrom: string | null;
  /** Issue 16: where the document holds text like an invalid card's original, exactly as in the source. */
  documentHas: string[];
  /** The block came from a repair and matched exactly (the commit carries AI-Repaired: yes). */
  repaired: boolean;
  /** The last repair asked of the model, if any. */
  repair: { state: "running" | "done" | "failed"; note: string | null } | null;
  /** Every block tried once a repair ran, oldest first; empty before. */
  attempts: ChangeAttempt[];
  createdAt: string;
};
