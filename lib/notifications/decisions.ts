import "server-only";
import type { Motion } from "@/lib/lifecycle/motion";
import { isLifecycleEvent, type LifecycleEventKind } from "@/lib/lifecycle/events";
import { notifyDecision, type DecisionKind } from "./events";
import { guarded } from "./guarded";

// The decision events of issue 14 (§15, §3 states 4–5), read from the
// lifecycle's audit kinds (lib/lifecycle/events.ts) right after the commit
// that makes them: who hears of what, naming the person who acted (§15.9).
// A step that changes nothing for others (a plain sign-off, a resolved
// concern that does not restart the period, a cancelled motion) notifies
// nobody; the lifecycle panel shows it.

type Who = { login: string; name?: string | null };

/** One lifecycle event as its writer knows it right after the commit. */
export type LifecycleNotice = {
  kind: string;
  rfc: { slug: string; owners: string[]; arbiters: string[] };
  /** The entry's motion after the write (open, or just closed), if any. */
  motion: Motion | null;
  actor: Who;
  /** The audit row's details (lib/lifecycle/events.ts says what each kind holds). */
  details: Record<string, unknown>;
  /** The commit that made the event: its identity, so a retry notifies nobody twice. */
  commitSha: string | null;
};

/** `actorToo`: the named actor did not act just now (the period ran out on their motion), so they hear of it too. */
export type DecisionNotice = { kind: DecisionKind; to: string[]; text: string; actorToo?: boolean };

const nameOf = (a: Who) => a.name || a.login;
const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Who hears of which event, and what it says. Pure: the actor and the bot are left out later (notify). */
export function decisionNotices(e: LifecycleNotice & { kind: LifecycleEventKind }): DecisionNotice[] {
  const { slug, owners, arbiters } = e.rfc;
  const who = nameOf(e.actor);
  const mover = e.motion?.movedBy ? [e.motion.movedBy] : [];
  const everyone = [...owners, ...arbiters, ...mover];
  const period = str(e.details.period);
  const disposition = e.motion?.disposition ?? str(e.details.disposition);
  switch (e.kind) {
    case "motion_open": {
      // The arbiters are asked to sign off (a mover who arbitrates signed off by moving); the owners hear of the motion.
      const signed = new Set(e.motion?.signOffs.map((s) => s.by) ?? []);
      const asked = arbiters.filter((a) => !signed.has(a));
      const summary = str(e.details.summary);
      return [
        { kind: "signoff_requested", to: asked, text: `${who} moved to ${disposition} ${slug}: your sign-off is asked` },
        { kind: "motion", to: [...owners, ...arbiters].filter((l) => !asked.includes(l)), text: `${who} moved to ${disposition} ${slug}${summary ? `: ${clip(summary)}` : ""}` },
      ];
    }
    case "motion_sign_off":
    case "motion_concern_resolved": {
      if (period !== "started" && period !== "resumed") return [];
      const how = e.kind === "motion_sign_off" ? "signed off" : `resolved the concern “${clip(str(e.details.title), 80)}”`;
      return [{ kind: "fcp_started", to: everyone, text: `${who} ${how} on ${slug}: the final comment period on the motion to ${disposition} ${period}` }];
    }
    case "motion_concern": {
      const paused = period === "paused" ? "; the final comment period is paused" : "";
      return [{ kind: "concern_raised", to: everyone, text: `${who} raised a concern on ${slug}: “${clip(str(e.details.title), 80)}”${paused}` }];
    }
    case "record_accepted":
    case "record_rejected":
    case "motion_postponed": {
      const outcome = e.kind === "record_accepted" ? "accepted" : e.kind === "record_rejected" ? "rejected" : "postponed (it stays active)";
      // The bot records a motion's outcome on behalf of its mover when the period ran out (settle-motion.ts).
      const text = e.details.via === "fcp"
        ? `The final comment period on ${who}’s motion ended: ${slug} is ${outcome}`
        : `${who} recorded ${slug} as ${outcome}${str(e.details.rationale) ? `: ${clip(str(e.details.rationale))}` : ""}`;
      return [{ kind: "decision_recorded", to: everyone, text, actorToo: e.details.via === "fcp" }];
    }
    case "withdraw":
      return [{ kind: "withdrawn", to: [...owners, ...arbiters], text: `${who} withdrew ${slug}: ${clip(str(e.details.reason))}` }];
    default:
      return [];
  }
}

/** Notifies the people a lifecycle event concerns. Never throws: the decision stands whatever happens here. */
export const notifyLifecycle = (e: LifecycleNotice) => guarded(`lifecycle ${e.kind}`, async () => {
  if (!e.commitSha || !isLifecycleEvent(e.kind)) return; // no commit, no event (a repeat changed nothing)
  const rfc = { slug: e.rfc.slug, scope: { owners: e.rfc.owners, arbiters: e.rfc.arbiters } };
  for (const n of decisionNotices({ ...e, kind: e.kind })) {
    if (n.to.length) await notifyDecision({ kind: n.kind, rfc, actor: e.actor, text: n.text, key: `${e.rfc.slug}:${e.commitSha}`, to: n.to, actorToo: n.actorToo });
  }
});
