import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { writeDecisionReadme } from "@/lib/bot/decision-readme";
import type { Trailers } from "@/lib/bot/trailers";
import { writeEntry } from "@/lib/bot/write-entry";
import { nowMs } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { notifyLifecycle } from "@/lib/notifications/decisions";
import type { Entry, EntryPatch } from "@/lib/entries";
import { motionOfEntry } from "./entry-scope";
import { motionYaml, OUTCOME_OF, type Motion, type MotionOutcome } from "./motion";
import type { FcpStatus } from "./fcp-status";

export type SettleResult = { slug: string; outcome: MotionOutcome | null; commitSha: string | null };

const people = async (logins: string[]) => {
  const rows = await db().user.findMany({ where: { login: { in: logins } }, select: { id: true, login: true, name: true } });
  return new Map(rows.map((r) => [r.login, r]));
};

/** The commit body of a carried motion: what was moved, who signed off, what was raised (§3). */
export function motionRecord(motion: Motion, status: FcpStatus): string {
  const days = motion.periodDays === 1 ? "1 day" : `${motion.periodDays} days`;
  const lines = [
    `Motion ${motion.id} to ${motion.disposition}, moved by @${motion.movedBy} on ${motion.movedAt}:`,
    "",
    ...motion.summary.trim().split("\n").map((l) => `  ${l}`.trimEnd()),
    "",
    `Final comment period: ${days}, from ${status.startedAt} to ${status.endsAt}.`,
    "",
    "Sign-offs:",
    ...(motion.signOffs.length ? motion.signOffs.map((s) => `- @${s.by} on ${s.at}`) : ["- none"]),
    "",
    "Concerns:",
    ...(motion.concerns.length
      ? motion.concerns.map((c) => `- ${c.id} "${c.title}" by @${c.by} on ${c.at}${c.resolvedAt ? `, resolved on ${c.resolvedAt}` : ", open"}`)
      : ["- none"]),
  ];
  return lines.join("\n");
}

/**
 * When a final comment period has run out with no concern open, the bot
 * records the motion's outcome on its own (§3 state 4): accept or reject
 * decides the RFC (state, decided_at = the period's end, decided_by = the
 * arbiters who signed off), postpone closes the motion and leaves the RFC
 * active. One commit, whose body carries the motion, sign-offs and concerns
 * and one Signed-off-by trailer per signing arbiter. Idempotent and keyed in
 * Git: the entry is re-read before writing, and once the motion is closed
 * (or the entry decided) there is nothing left to do — a restart, a second
 * sweep or a racing timer cannot decide twice.
 */
export async function settleMotion(slug: string, at = nowMs()): Promise<SettleResult> {
  const cached = await db().cachedRfc.findUnique({ where: { slug }, select: { arbiters: true, frontmatter: true } });
  const logins = new Set<string>(JSON.parse(cached?.arbiters ?? "[]") as string[]);
  const fm = JSON.parse(cached?.frontmatter ?? "{}") as { motion?: { moved_by?: string } };
  if (fm.motion?.moved_by) logins.add(fm.motion.moved_by);
  const names = await people([...logins]);
  const mover = (login: string): BotActor => ({ userId: names.get(login)?.id ?? null, login, name: names.get(login)?.name || login });

  let actor: BotActor = mover(fm.motion?.moved_by ?? "");
  const written = await writeEntry<MotionOutcome | null>({
    actor,
    slug,
    decide: ({ entry }) => {
      const { motion, open, status } = motionOfEntry(entry, at);
      if (entry.state !== "active" || !open || !motion || status?.phase !== "due" || !status.endsAt) return { edit: null, result: null };
      // On behalf of the person who moved it: the arbiters' sign-offs are its trailers (§6.5).
      actor = mover(motion.movedBy);
      const outcome = OUTCOME_OF[motion.disposition];
      return { result: outcome, edit: { ...settleEdit(entry, motion, status, outcome, (l) => names.get(l)?.name || l), actor } };
    },
  });
  if (written.commitSha && written.result) {
    const { owners, arbiters } = written.entry;
    const decided = written.result === "accepted" || written.result === "rejected";
    await notifyLifecycle({ kind: decided ? `record_${written.result}` : "motion_postponed", rfc: { slug, owners, arbiters }, motion: motionOfEntry(written.entry, at).motion, actor, details: { via: "fcp" }, commitSha: written.commitSha });
  }
  if (written.commitSha && (written.result === "accepted" || written.result === "rejected")) {
    await writeDecisionReadme({ entry: written.entry, actor }).catch((err: unknown) =>
      console.warn(`[quorum] README of ${slug} does not show the decision yet (the lifecycle sweep retries):`, err instanceof Error ? err.message : err),
    );
  }
  return { slug, outcome: written.commitSha ? written.result : null, commitSha: written.commitSha };
}

function settleEdit(entry: Entry, motion: Motion, status: FcpStatus, outcome: MotionOutcome, nameOf: (login: string) => string) {
  const endsAt = status.endsAt as string;
  const signers = motion.signOffs.map((s) => s.by).filter((l) => entry.arbiters.includes(l));
  const closed: Motion = { ...motion, outcome, closedAt: endsAt, closedBy: motion.movedBy };
  const decided = outcome === "accepted" || outcome === "rejected";
  const patch: EntryPatch = {
    extra: { motion: motionYaml(closed) },
    ...(decided ? { state: outcome, decidedAt: endsAt, decidedBy: signers.join(", "), decisionRationale: motion.summary } : {}),
  };
  const trailers: Trailers = [["Motion-Id", motion.id], ...signers.map((l): [string, string] => ["Signed-off-by", `${nameOf(l).replace(/[\r\n<>]+/g, " ")} <${l}>`])];
  const verb = { accepted: "Accept", rejected: "Reject", postponed: "Postpone" }[outcome as "accepted" | "rejected" | "postponed"];
  return {
    patch,
    subject: `${verb} ${entry.title}: the final comment period ended`,
    body: motionRecord(motion, status),
    trailers,
    audit: { kind: decided ? `record_${outcome}` : "motion_postponed", details: { motionId: motion.id, via: "fcp", endsAt, signedOff: signers } },
  };
}
