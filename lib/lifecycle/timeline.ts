import type { TimelineItem } from "@/lib/contracts/lifecycle";
import type { FcpStatus } from "./fcp-status";
import type { Motion } from "./motion";

// §3 an RFC's story on its page: proposed, accepted as an idea, claimed,
// metadata changes, graduated, motions with their sign-offs, concerns and
// final comment period, the decision or the withdrawal — each with who and
// when. Git (the entry, the motion block, merged meta PRs) says what
// happened; the audit log adds who merged and the motions Git has replaced.

export type TimelineInput = {
  entry: {
    proposedBy: string | null;
    proposedAt: string | null;
    graduatedBy: string | null;
    graduatedAt: string | null;
    rfcId: string | null;
    withdrawal: { reason: string; by: string; at: string } | null;
    decision: { outcome: string; rationale: string; by: string[]; at: string } | null;
  };
  motion: Motion | null;
  status: FcpStatus | null;
  prs: { number: number; kind: string; state: string; openedBy: string; mergedAt: Date | null; summary: string }[];
  actions: { kind: string; onBehalfOf: string; prNumber: number | null; createdAt: Date; details: Record<string, unknown> }[];
};

const dayCount = (ms: number) => {
  const days = ms / 86_400_000;
  return days >= 1 ? `${Math.round(days * 10) / 10} days` : `${Math.max(1, Math.round(ms / 3_600_000))} h`;
};

export function buildTimeline(input: TimelineInput): TimelineItem[] {
  const items: TimelineItem[] = [];
  const add = (item: Omit<TimelineItem, "detail"> & { detail?: string | null }) => items.push({ detail: null, ...item });
  const { entry, motion, status } = input;
  const mergedBy = (n: number) => input.actions.find((a) => a.prNumber === n && a.kind.startsWith("merge_"))?.onBehalfOf;

  if (entry.proposedAt) add({ key: "proposed", kind: "proposed", at: entry.proposedAt, by: entry.proposedBy ? [entry.proposedBy] : [], text: "Proposed as an idea" });
  for (const pr of input.prs) {
    if (pr.state !== "merged" || !pr.mergedAt) continue;
    const at = pr.mergedAt.toISOString();
    const merger = mergedBy(pr.number);
    const via = merger ? ` (merged by @${merger})` : "";
    if (pr.kind === "idea") add({ key: `pr-${pr.number}`, kind: "idea_merged", at, by: merger ? [merger] : [], text: "Idea accepted: now a super-draft" });
    if (pr.kind === "meta_claim") add({ key: `pr-${pr.number}`, kind: "claimed", at, by: [pr.openedBy], text: `Claimed ownership${via}` });
    if (pr.kind === "meta_metadata") add({ key: `pr-${pr.number}`, kind: "metadata", at, by: [pr.openedBy], text: `Changed the metadata${via}`, detail: pr.summary || null });
  }
  if (entry.graduatedAt) add({ key: "graduated", kind: "graduated", at: entry.graduatedAt, by: entry.graduatedBy ? [entry.graduatedBy] : [], text: `Graduated${entry.rfcId ? ` as ${entry.rfcId}` : ""}` });

  // Motions Git no longer holds (a new one replaced the block): from the audit log.
  for (const a of input.actions) {
    const id = typeof a.details.motionId === "string" ? a.details.motionId : null;
    if (!id || id === motion?.id) continue;
    const at = a.createdAt.toISOString();
    if (a.kind === "motion_open") add({ key: `audit-${id}-open`, kind: "motion", at, by: [a.onBehalfOf], text: `Moved to ${String(a.details.disposition ?? "decide")}`, detail: typeof a.details.summary === "string" ? a.details.summary : null });
    if (a.kind === "motion_cancel") add({ key: `audit-${id}-cancel`, kind: "motion_closed", at, by: [a.onBehalfOf], text: "Cancelled the motion", detail: typeof a.details.reason === "string" ? a.details.reason : null });
    if (a.kind === "motion_postponed") add({ key: `audit-${id}-postponed`, kind: "motion_closed", at, by: [], text: "Postponed: the final comment period ended" });
  }
  if (motion) addMotion(add, motion, status);

  if (entry.decision) {
    const label = entry.decision.outcome === "accepted" ? "Accepted" : "Rejected";
    add({ key: "decided", kind: "decided", at: entry.decision.at, by: entry.decision.by, text: label, detail: entry.decision.rationale || null });
  }
  if (entry.withdrawal) add({ key: "withdrawn", kind: "withdrawn", at: entry.withdrawal.at, by: [entry.withdrawal.by], text: "Withdrawn", detail: entry.withdrawal.reason });
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a) - order(b));
}

// Same instant: the cause before its effect (a sign-off before the period it starts).
const ORDER: TimelineItem["kind"][] = ["motion", "sign_off", "concern", "concern_resolved", "period_started", "period_resumed", "period_paused", "period_ended", "motion_closed", "decided"];
const order = (i: TimelineItem) => ORDER.indexOf(i.kind);

function addMotion(add: (i: Omit<TimelineItem, "detail"> & { detail?: string | null }) => void, motion: Motion, status: FcpStatus | null) {
  const k = (s: string) => `${motion.id}-${s}`;
  add({ key: k("moved"), kind: "motion", at: motion.movedAt, by: [motion.movedBy], text: `Moved to ${motion.disposition}`, detail: motion.summary || null });
  for (const s of motion.signOffs) add({ key: k(`sign-${s.by}`), kind: "sign_off", at: s.at, by: [s.by], text: "Signed off" });
  for (const c of motion.concerns) {
    add({ key: k(`concern-${c.id}`), kind: "concern", at: c.at, by: [c.by], text: `Raised a concern: ${c.title}`, detail: c.text || null });
    if (c.resolvedAt) add({ key: k(`resolved-${c.id}`), kind: "concern_resolved", at: c.resolvedAt, by: [c.by], text: `Resolved the concern: ${c.title}` });
  }
  const segments = status?.segments ?? [];
  segments.forEach((seg, i) => {
    add({ key: k(`run-${i}`), kind: i === 0 ? "period_started" : "period_resumed", at: seg.from, by: [], text: i === 0 ? `Final comment period started (${dayCount(motion.periodDays * 86_400_000)})` : "Final comment period resumed" });
    if (!seg.to) return;
    const last = i === segments.length - 1;
    const ended = last && (status?.phase === "due" || (status?.phase === "closed" && motion.closedAt === seg.to && motion.outcome !== "cancelled" && motion.outcome !== "superseded"));
    if (ended) add({ key: k(`end-${i}`), kind: "period_ended", at: seg.to, by: [], text: "Final comment period ended" });
    else if (!(last && status?.phase === "closed")) add({ key: k(`pause-${i}`), kind: "period_paused", at: seg.to, by: [], text: "Final comment period paused by a concern" });
  });
  if (motion.outcome && motion.closedAt && motion.outcome !== "accepted" && motion.outcome !== "rejected") {
    const text = { postponed: "Postponed", cancelled: "Cancelled the motion", superseded: "Motion superseded" }[motion.outcome];
    add({ key: k("closed"), kind: "motion_closed", at: motion.closedAt, by: motion.outcome === "postponed" ? [] : motion.closedBy ? [motion.closedBy] : [], text });
  }
}
