import type { RfcScope } from "@/lib/auth/permissions";
import { nowIso } from "@/lib/clock";
import { AppError } from "@/lib/http/errors";
import { motionOfEntry, scopeOfEntry } from "@/lib/lifecycle/entry-scope";
import { stateRefusal } from "@/lib/lifecycle/state-rules";
import { motionYaml } from "@/lib/lifecycle/motion";
import type { BotActor } from "./actor";
import { writeDecisionReadme, type ReadmeOutcome } from "./decision-readme";
import { writeEntry } from "./write-entry";

export type DecisionResult = { commitSha: string; readme: ReadmeOutcome | "pending" };

/**
 * §3 state 4: an arbiter (or the app owner) records accepted / rejected on an
 * active RFC with a rationale. The meta entry's commit is the decision (state,
 * decided_at, decided_by, decision_rationale; an open motion is closed as
 * superseded); the README commit in the RFC's repo follows. If that second
 * write fails the decision stands and the lifecycle sweep completes the
 * README (writeDecisionReadme is idempotent). Final: a second decision is 409.
 * `allowed` re-checks the caller's permission against the entry in Git.
 */
export async function recordDecision(args: {
  actor: BotActor;
  slug: string;
  outcome: "accepted" | "rejected";
  rationale: string;
  allowed?: (scope: RfcScope) => void;
}): Promise<DecisionResult> {
  const { actor, slug, outcome } = args;
  const rationale = args.rationale.trim();
  if (!rationale) throw new AppError("bad_request", "rationale: Say why, in a sentence or two", { field: "rationale" });
  const written = await writeEntry({
    actor,
    slug,
    decide: ({ entry }) => {
      args.allowed?.(scopeOfEntry(entry)); // 403 for a caller who may not decide
      const refusal = stateRefusal("record_decision", entry.state); // 409 naming the state (§3)
      if (refusal) throw new AppError("conflict", refusal, { state: entry.state });
      if (!entry.repo) throw new AppError("conflict", `${slug} has no repository: only a graduated RFC can be decided`);
      const at = nowIso();
      const { motion, open } = motionOfEntry(entry);
      const closed = open && motion ? { motion: motionYaml({ ...motion, outcome: "superseded", closedAt: at, closedBy: actor.login }) } : undefined;
      return {
        result: null,
        edit: {
          patch: { state: outcome, decisionRationale: rationale, decidedAt: at, decidedBy: actor.login, ...(closed ? { extra: closed } : {}) },
          subject: `${outcome === "accepted" ? "Accept" : "Reject"} ${entry.title}`,
          body: rationale,
          audit: { kind: `record_${outcome}`, details: { rationale, ...(closed ? { supersededMotion: motion?.id } : {}) } },
        },
      };
    },
  });
  let readme: DecisionResult["readme"] = "pending";
  try {
    readme = await writeDecisionReadme({ entry: written.entry, actor });
  } catch (err) {
    console.warn(`[quorum] README of ${slug} does not show the decision yet (the lifecycle sweep retries):`, err instanceof Error ? err.message : err);
  }
  return { commitSha: written.commitSha ?? "", readme };
}
