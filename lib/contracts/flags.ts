import type { Anchor } from "@/lib/anchors/types";
import type { UserRef } from "./users";

/** §8.13 the reasons a message or passage can be flagged for: the route's schema and the dialog's choices. */
export const FLAG_KINDS = ["needs_arbiter", "blocking", "off_topic"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_KIND_TEXT: Record<FlagKind, { label: string; hint: string }> = {
  needs_arbiter: { label: "Needs an arbiter", hint: "A decision only an arbiter can make" },
  blocking: { label: "Blocking concern", hint: "This must be settled before the RFC moves on" },
  off_topic: { label: "Off-topic", hint: "Belongs somewhere else" },
};

/** docs/API.md Flag. */
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
  createdBy: UserRef | null;
  resolvedBy: UserRef | null;
  resolvedAt: string | null;
  /** What the person who resolved it said. */
  resolution: string | null;
  createdAt: string;
};
