// The wire shape of GET /api/rfcs/{slug}/lifecycle (docs/API.md), read by
// the RFC view's lifecycle bar and built by lib/lifecycle/view.ts. Plain
// types only, so client components import it too.

import type { Disposition, MotionOutcome } from "@/lib/lifecycle/motion";
import type { FcpPhase } from "@/lib/lifecycle/fcp-status";

export type LifecycleMetaPr = {
  number: number;
  kind: "claim" | "metadata";
  title: string;
  /** The PR body without its trailers: for a metadata change, one line per changed key. */
  summary: string;
  openedBy: string;
  openedAt: string;
  url: string;
};

export type MotionStatusView = {
  phase: FcpPhase;
  signedOff: string[];
  awaiting: string[];
  /** null when the RFC has no arbiters, so no motion can carry. */
  needed: number | null;
  openConcernIds: string[];
  startedAt: string | null;
  endsAt: string | null;
  remainingMs: number | null;
  pausedAt: string | null;
};

export type MotionView = {
  id: string;
  disposition: Disposition;
  summary: string;
  movedBy: string;
  movedAt: string;
  periodDays: number;
  signOffs: { by: string; at: string }[];
  concerns: { id: string; title: string; text: string; by: string; at: string; resolvedAt: string | null }[];
  outcome: MotionOutcome | null;
  closedAt: string | null;
  status: MotionStatusView;
};

export type TimelineKind =
  | "proposed"
  | "idea_merged"
  | "claimed"
  | "metadata"
  | "graduated"
  | "motion"
  | "sign_off"
  | "concern"
  | "concern_resolved"
  | "period_started"
  | "period_paused"
  | "period_resumed"
  | "period_ended"
  | "motion_closed"
  | "decided"
  | "withdrawn";

export type TimelineItem = { key: string; kind: TimelineKind; at: string; by: string[]; text: string; detail: string | null };

export type LifecycleViewer = {
  login: string | null;
  canClaim: boolean;
  /** The viewer's own claim, when one is open. */
  ownClaim: number | null;
  canSettleMetaPrs: boolean;
  canEditMetadata: boolean;
  canWithdraw: boolean;
  canDecide: boolean;
  canMove: boolean;
  isArbiter: boolean;
  canCancelMotion: boolean;
};

export type LifecycleView = {
  slug: string;
  title: string;
  state: string;
  rfcId: string | null;
  repo: string | null;
  owners: string[];
  arbiters: string[];
  tags: string[];
  signOffsNeeded: "all" | "majority";
  withdrawal: { reason: string; by: string; at: string } | null;
  decision: { outcome: "accepted" | "rejected"; rationale: string; by: string[]; at: string } | null;
  motion: MotionView | null;
  /** A motion block Git holds but Quorum cannot read (hand-edited): named so someone mends it. */
  motionProblem: string | null;
  metaPrs: LifecycleMetaPr[];
  timeline: TimelineItem[];
  viewer: LifecycleViewer;
  /** The server's clock (lib/clock.ts), so countdowns agree with the bot that ends the period. */
  serverNow: string;
  fcpDays: number;
};
