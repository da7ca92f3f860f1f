import "server-only";
import { can, type Actor, type RfcScope } from "@/lib/auth/permissions";
import { nowMs } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { notFound } from "@/lib/http/errors";
import { prSummary } from "@/lib/prs/pr-summary";
import type { LifecycleMetaPr, LifecycleView, MotionView } from "@/lib/contracts/lifecycle";
import { fcpStatus, signOffRule, type FcpStatus } from "./fcp-status";
import { isOpen, readMotion, type Motion } from "./motion";
import { toLifecycleMetaPr } from "./open-meta-prs";
import { buildTimeline } from "./timeline";

// GET /api/rfcs/{slug}/lifecycle and the RFC page: an RFC's state, motion,
// open claims and metadata changes, timeline and what the viewer may do.
// The cache and the audit log only (§2: no Gitea call while rendering).

const LIFECYCLE_ACTIONS = ["merge_idea", "merge_meta_claim", "merge_meta_metadata", "motion_open", "motion_cancel", "motion_postponed"];
const text = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));


export function motionView(motion: Motion, status: FcpStatus): MotionView {
  return {
    id: motion.id,
    disposition: motion.disposition,
    summary: motion.summary,
    movedBy: motion.movedBy,
    movedAt: motion.movedAt,
    periodDays: motion.periodDays,
    signOffs: motion.signOffs,
    concerns: motion.concerns.map((c) => ({ ...c, resolvedAt: c.resolvedAt ?? null })),
    outcome: motion.outcome ?? null,
    closedAt: motion.closedAt ?? null,
    status: {
      phase: status.phase,
      signedOff: status.signedOff,
      awaiting: status.awaiting,
      needed: Number.isFinite(status.needed) ? status.needed : null,
      openConcernIds: status.openConcerns.map((c) => c.id),
      startedAt: status.startedAt,
      endsAt: status.endsAt,
      remainingMs: status.remainingMs,
      pausedAt: status.pausedAt,
    },
  };
}

export async function getLifecycleView({ slug, user }: { slug: string; user: Actor | null }): Promise<LifecycleView> {
  const row = await db().cachedRfc.findUnique({ where: { slug } });
  if (!row) throw notFound(`No RFC "${slug}"`);
  const { metaRepoFullName, fcpDays } = getConfig();
  const [prs, actions] = await Promise.all([
    db().cachedPr.findMany({ where: { repo: metaRepoFullName, rfcSlug: slug }, orderBy: { number: "asc" } }),
    db().action.findMany({ where: { rfcSlug: slug, kind: { in: LIFECYCLE_ACTIONS } }, orderBy: { id: "asc" } }),
  ]);
  const fm = JSON.parse(row.frontmatter || "{}") as Record<string, unknown>;
  const owners = parseList(row.owners);
  const arbiters = parseList(row.arbiters);
  const rule = signOffRule(text(fm.sign_offs_needed));
  const now = nowMs();
  const { motion, problem } = readMotion(fm);
  const status = motion ? fcpStatus({ motion, arbiters, rule, now }) : null;
  const withdrawal = row.state === "withdrawn" ? { reason: text(fm.withdrawn_reason), by: text(fm.withdrawn_by), at: text(fm.withdrawn_at) } : null;
  const decision =
    row.state === "accepted" || row.state === "rejected"
      ? { outcome: row.state as "accepted" | "rejected", rationale: text(fm.decision_rationale), by: text(fm.decided_by).split(/[\s,]+/).filter(Boolean), at: text(fm.decided_at) }
      : null;

  const metaPrs: LifecycleMetaPr[] = prs
    .filter((p) => p.state === "open" && (p.kind === "meta_claim" || p.kind === "meta_metadata"))
    .map(toLifecycleMetaPr);

  const scope: RfcScope = { owners, arbiters, state: row.state };
  const open = isOpen(motion);
  const ownClaim = user ? (metaPrs.find((p) => p.kind === "claim" && p.openedBy === user.login)?.number ?? null) : null;
  return {
    slug,
    title: row.title,
    state: row.state,
    rfcId: row.rfcId || null,
    repo: row.repo || null,
    owners,
    arbiters,
    tags: parseList(row.tags),
    signOffsNeeded: rule,
    withdrawal,
    decision,
    motion: motion && status ? motionView(motion, status) : null,
    motionProblem: problem,
    metaPrs,
    timeline: buildTimeline({
      entry: { proposedBy: row.proposedBy, proposedAt: row.proposedAt, graduatedBy: row.graduatedBy, graduatedAt: row.graduatedAt, rfcId: row.rfcId, withdrawal, decision },
      motion,
      status,
      prs: prs.map((p) => ({ number: p.number, kind: p.kind, state: p.state, openedBy: p.openedBy, mergedAt: p.mergedAt, summary: prSummary(p.body) })),
      actions: actions.map((a) => ({ kind: a.kind, onBehalfOf: a.onBehalfOf, prNumber: a.prNumber, createdAt: a.createdAt, details: JSON.parse(a.details || "{}") as Record<string, unknown> })),
    }),
    viewer: {
      login: user?.login ?? null,
      canClaim: !!user && can(user, "claim", { rfc: scope }) && !owners.includes(user.login) && !metaPrs.some((p) => p.kind === "claim"),
      ownClaim,
      canSettleMetaPrs: can(user, "merge_meta_pr", { rfc: scope }),
      canEditMetadata: can(user, "edit_metadata", { rfc: scope }),
      canWithdraw: can(user, "withdraw", { rfc: scope }),
      canDecide: can(user, "record_decision", { rfc: scope }),
      canMove: can(user, "open_motion", { rfc: scope }) && !open,
      isArbiter: !!user && arbiters.includes(user.login),
      canCancelMotion: open && can(user, "cancel_motion", { rfc: scope, authorLogin: motion?.movedBy }),
    },
    serverNow: new Date(now).toISOString(),
    fcpDays,
  };
}
