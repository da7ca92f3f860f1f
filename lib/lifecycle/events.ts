import type { FcpPhase } from "./fcp-status";

// The lifecycle's events (§3 states 2–5) as the audit log holds them: one
// `actions` row per event, written with the Git commit that makes it
// (lib/bot/audit.ts), so a row exists exactly when Git holds the event.
// Whatever reacts to a decision — notifications, mail, webhooks out — reads
// these kinds from the audit log instead of diffing Git. `rfcSlug` names the
// RFC, `onBehalfOf` who acted (the bot's own login for the final comment
// period's outcome), and `details` what the comment says.

export const LIFECYCLE_EVENTS = {
  merge_idea: "An idea was accepted: now a super-draft",
  merge_meta_claim: "A claim was merged: the claimant owns the super-draft",
  merge_meta_metadata: "A metadata change was merged (title, tags, owners, arbiters, sign_offs_needed)",
  graduate_complete: "The super-draft graduated to its own repo",
  // details: { motionId, disposition, summary, period? }
  motion_open: "A motion to accept, reject or postpone was opened",
  // details: { motionId, period? } — period "started" when this sign-off started the final comment period
  motion_sign_off: "An arbiter signed off on the motion",
  // details: { motionId, concernId, title, period? } — period "paused" when it paused a running period
  motion_concern: "An arbiter raised a concern",
  // details: { motionId, concernId, title, period? } — period "started" or "resumed"
  motion_concern_resolved: "A concern was resolved by its author",
  // details: { motionId, reason }
  motion_cancel: "The motion was cancelled",
  // details: { motionId, via: "fcp", endsAt, signedOff }
  motion_postponed: "The final comment period ended on a motion to postpone: the RFC stays active",
  // details: { rationale } by hand, or { motionId, via: "fcp", endsAt, signedOff } when the period ended
  record_accepted: "The RFC was accepted",
  record_rejected: "The RFC was rejected",
  // details: { reason, previousState }
  withdraw: "The RFC was withdrawn",
} as const;

export type LifecycleEventKind = keyof typeof LIFECYCLE_EVENTS;

export const isLifecycleEvent = (kind: string): kind is LifecycleEventKind => Object.hasOwn(LIFECYCLE_EVENTS, kind);

/** What a motion step did to its final comment period, for the audit row's `period` (null: nothing). */
export type PeriodChange = "started" | "resumed" | "paused";

export function periodChange(before: { phase: FcpPhase; startedAt: string | null } | null, after: { phase: FcpPhase }): PeriodChange | null {
  const was = before?.phase ?? "gathering";
  if (after.phase === "running" && was !== "running") return before?.startedAt ? "resumed" : "started";
  if (after.phase === "paused" && was === "running") return "paused";
  return null;
}
