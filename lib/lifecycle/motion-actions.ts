import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { actorFrom } from "@/lib/bot/actor";
import { writeEntry, type EntryEdit } from "@/lib/bot/write-entry";
import { nowIso, nowMs } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import type { Entry } from "@/lib/entries";
import { AppError, conflict } from "@/lib/http/errors";
import { notifyLifecycle } from "@/lib/notifications/decisions";
import { motionOfEntry, scopeOfEntry } from "./entry-scope";
import { periodChange } from "./events";
import { fcpStatus, signOffRule } from "./fcp-status";
import { motionId, motionYaml, type Disposition, type Motion } from "./motion";

// A motion's life through the bot (§3 state 4): moved by an owner or arbiter,
// signed off or questioned by each arbiter, a concern resolved by its author,
// cancelled by its mover or an owner. Every step is one commit to the entry's
// `motion:` block; each re-checks permission and state against Git.

type User = Actor & { name: string };

export type MotionResult = { motion: Motion; commitSha: string | null };

function openMotionOrThrow(entry: Entry) {
  const m = motionOfEntry(entry);
  if (!m.open || !m.motion) throw conflict(`There is no open motion on ${entry.slug}`);
  if (m.status?.phase === "due") throw conflict(`The final comment period on ${entry.slug} ended at ${m.status.endsAt}; the decision is being recorded`);
  return { motion: m.motion, status: m.status };
}

/**
 * The commit of a motion step. Its audit row says when the step started,
 * paused or resumed the final comment period (lib/lifecycle/events.ts), so
 * whatever follows the audit log hears of the period without deriving it.
 */
function motionEdit(entry: Entry, next: Motion, edit: Omit<EntryEdit, "patch">): EntryEdit {
  const now = nowMs();
  const before = motionOfEntry(entry, now);
  const after = fcpStatus({ motion: next, arbiters: entry.arbiters, rule: signOffRule(entry.signOffsNeeded), now });
  const period = periodChange(before.open ? before.status : null, after);
  const audit = edit.audit && period ? { ...edit.audit, details: { ...edit.audit.details, period } } : edit.audit;
  return { ...edit, audit, patch: { extra: { motion: motionYaml(next) } } };
}

async function write(user: User, slug: string, decide: (entry: Entry) => { motion: Motion; edit: EntryEdit | null }): Promise<MotionResult> {
  let edit: EntryEdit | null = null;
  const done = await writeEntry({ actor: actorFrom(user), slug, decide: ({ entry }) => {
    const d = decide(entry);
    edit = d.edit; // the last decision is the one committed
    return { edit: d.edit, result: d.motion };
  } });
  const audit = (edit as EntryEdit | null)?.audit;
  if (audit) {
    const { owners, arbiters } = done.entry;
    await notifyLifecycle({ kind: audit.kind, rfc: { slug, owners, arbiters }, motion: done.result, actor: user, details: audit.details ?? {}, commitSha: done.commitSha });
  }
  return { motion: done.result, commitSha: done.commitSha };
}

export function openMotion(args: { user: User; slug: string; disposition: Disposition; summary: string }): Promise<MotionResult> {
  const { user, slug, disposition } = args;
  return write(user, slug, (entry) => {
    assertCan(user, "open_motion", { rfc: scopeOfEntry(entry) });
    const current = motionOfEntry(entry);
    if (current.open) throw conflict(`A motion to ${current.motion?.disposition} is already open on ${slug}; it must end before another`);
    if (!entry.arbiters.length) throw conflict(`${slug} has no arbiters yet: add them with Edit metadata first`);
    const at = nowIso();
    // A mover who arbitrates signs off by moving (as rfcbot checks the proposer's box).
    const signOffs = entry.arbiters.includes(user.login) ? [{ by: user.login, at }] : [];
    const motion: Motion = { id: motionId(at), disposition, summary: args.summary, movedBy: user.login, movedAt: at, periodDays: getConfig().fcpDays, signOffs, concerns: [] };
    return {
      motion,
      edit: motionEdit(entry, motion, {
        subject: `Move to ${disposition} ${entry.title}`,
        body: args.summary,
        trailers: [["Motion-Id", motion.id]],
        audit: { kind: "motion_open", details: { motionId: motion.id, disposition, summary: args.summary } },
      }),
    };
  });
}

export function signOff(args: { user: User; slug: string }): Promise<MotionResult> {
  const { user, slug } = args;
  return write(user, slug, (entry) => {
    assertCan(user, "sign_off", { rfc: scopeOfEntry(entry) });
    const { motion } = openMotionOrThrow(entry);
    if (motion.signOffs.some((s) => s.by === user.login)) return { motion, edit: null }; // a repeat changes nothing
    const next = { ...motion, signOffs: [...motion.signOffs, { by: user.login, at: nowIso() }] };
    return {
      motion: next,
      edit: motionEdit(entry, next, {
        subject: `Sign off on the motion to ${motion.disposition} ${entry.title}`,
        trailers: [["Motion-Id", motion.id]],
        audit: { kind: "motion_sign_off", details: { motionId: motion.id } },
      }),
    };
  });
}

export function raiseConcern(args: { user: User; slug: string; title: string; text: string }): Promise<MotionResult & { concernId: string }> {
  const { user, slug } = args;
  let concernId = "";
  return write(user, slug, (entry) => {
    assertCan(user, "sign_off", { rfc: scopeOfEntry(entry) }); // arbiters raise concerns
    const { motion } = openMotionOrThrow(entry);
    concernId = `c${motion.concerns.length + 1}`;
    const concern = { id: concernId, title: args.title, text: args.text, by: user.login, at: nowIso() };
    const next = { ...motion, concerns: [...motion.concerns, concern] };
    return {
      motion: next,
      edit: motionEdit(entry, next, {
        subject: `Concern on ${entry.title}: ${args.title}`,
        body: args.text,
        trailers: [["Motion-Id", motion.id], ["Concern-Id", concernId]],
        audit: { kind: "motion_concern", details: { motionId: motion.id, concernId, title: args.title } },
      }),
    };
  }).then((r) => ({ ...r, concernId }));
}

export function resolveConcern(args: { user: User; slug: string; concernId: string }): Promise<MotionResult> {
  const { user, slug, concernId } = args;
  return write(user, slug, (entry) => {
    const { motion } = openMotionOrThrow(entry);
    const concern = motion.concerns.find((c) => c.id === concernId);
    if (!concern) throw new AppError("not_found", `No concern ${concernId} on the motion for ${slug}`);
    // §3: a concern blocks until its author resolves it.
    assertCan(user, "resolve_concern", { rfc: scopeOfEntry(entry), authorLogin: concern.by });
    if (concern.resolvedAt) return { motion, edit: null };
    const next = { ...motion, concerns: motion.concerns.map((c) => (c.id === concernId ? { ...c, resolvedAt: nowIso() } : c)) };
    return {
      motion: next,
      edit: motionEdit(entry, next, {
        subject: `Resolve the concern "${concern.title}" on ${entry.title}`,
        trailers: [["Motion-Id", motion.id], ["Concern-Id", concernId]],
        audit: { kind: "motion_concern_resolved", details: { motionId: motion.id, concernId, title: concern.title } },
      }),
    };
  });
}

export function cancelMotion(args: { user: User; slug: string; reason: string }): Promise<MotionResult> {
  const { user, slug } = args;
  return write(user, slug, (entry) => {
    const { motion } = openMotionOrThrow(entry);
    assertCan(user, "cancel_motion", { rfc: scopeOfEntry(entry), authorLogin: motion.movedBy });
    const next: Motion = { ...motion, outcome: "cancelled", closedAt: nowIso(), closedBy: user.login };
    return {
      motion: next,
      edit: motionEdit(entry, next, {
        subject: `Cancel the motion to ${motion.disposition} ${entry.title}`,
        body: args.reason,
        trailers: [["Motion-Id", motion.id]],
        audit: { kind: "motion_cancel", details: { motionId: motion.id, reason: args.reason } },
      }),
    };
  });
}
