// The JSON shapes of docs/API.md as the RFC view's client components see them.
// Kept in one place so a contract change is one edit.

export type UserRef = { login: string; name: string; avatarUrl: string };

export type PrRef = { number: number; state: "open" | "closed" | "merged"; mergeable: boolean | null };

export type BranchSummary = {
  name: string;
  ref: string;
  headSha: string;
  state: "open" | "deleted";
  visibility: "public" | "private";
  createdBy: string | null;
  aheadBy: number;
  behindBy: number;
  additions: number;
  deletions: number;
  pr: PrRef | null;
};

export type Anchor =
  | { kind: "range"; quote: string; prefix: string; suffix: string }
  | { kind: "paragraph"; blockIndex: number; blockText: string };

export type ThreadSummary = {
  id: string;
  kind: "main" | "range" | "paragraph";
  branch: string;
  anchor: Anchor | null;
  anchorState: "attached" | "detached" | null;
  anchorRange: { start: number; end: number } | null;
  title: string;
  createdBy: UserRef | null;
  messageCount: number;
  createdAt: string;
};

export type Message = {
  id: string;
  threadId: string;
  authorKind: "user" | "ai" | "system";
  author: UserRef | null;
  body: string;
  modelId: string | null;
  status: "streaming" | "complete" | "failed";
  error: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
};

export type ChangeStatus = "pending" | "accepted" | "declined" | "stale" | "buffered" | "invalid" | "failed";

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
  createdAt: string;
};

export type FlagKind = "needs_arbiter" | "blocking" | "off_topic";

export type Flag = {
  id: string;
  rfcSlug: string;
  branch: string;
  messageId: string | null;
  threadId: string | null;
  anchor: Anchor | null;
  kind: FlagKind;
  note: string;
  status: "open" | "resolved";
  createdBy: UserRef;
  resolvedBy: UserRef | null;
  resolvedAt: string | null;
  createdAt: string;
};

export type DocumentAtHead = { text: string; headSha: string; path: string; branch: string };

export type FlushAnswer = { headSha: string; commitSha: string | null; added: number; removed: number; staleChangeIds: string[] };
