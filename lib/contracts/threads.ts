import type { Anchor } from "@/lib/anchors/types";
import type { UserRef } from "./users";

export type { Anchor };

/** docs/API.md ThreadSummary: a thread with where its anchor sits in the branch's current text (§8.12). */
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

/** docs/API.md Message (§8.4, §18). */
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
