import type { UserRef } from "./users";

export type ChangeStatus = "pending" | "accepted" | "declined" | "stale" | "buffered" | "invalid" | "failed";

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
  createdAt: string;
};
