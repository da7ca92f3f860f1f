import type { Entry } from "@/lib/entries";
import { readFile, splitFullName } from "@/lib/gitea";
import { readMotion } from "@/lib/lifecycle/motion";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";
import { decisionOfEntry, readmeWithDecision, type Decision } from "./readme-decision";
import { commitFiles } from "./write-files";

/** The decision an entry records, with how it was reached when a motion carried it. */
export function entryDecision(entry: Entry): Decision | null {
  const d = decisionOfEntry(entry);
  if (!d) return null;
  const { motion } = readMotion(entry.extra);
  const carried = motion && motion.outcome === entry.state && motion.closedAt === entry.decidedAt;
  return carried ? { ...d, via: `after a ${motion.periodDays}-day final comment period on a motion by @${motion.movedBy}` } : d;
}

export type ReadmeOutcome = "written" | "present" | "not_decided";

/**
 * §3 state 4, second half: the per-RFC repo's README shows the decision the
 * meta entry records. Idempotent — the section's text follows from the entry
 * alone, so a README that already shows it is left as is — which lets a
 * decision whose README write failed (or a restart between the two commits)
 * be completed later by the lifecycle sweep. Every check leaves an audit row,
 * so the sweep asks Gitea about each decision once.
 */
export async function writeDecisionReadme(args: { entry: Entry; actor: BotActor }): Promise<ReadmeOutcome> {
  const { entry, actor } = args;
  const decision = entryDecision(entry);
  if (!decision || !entry.repo) return "not_decided";
  const repo = splitFullName(entry.repo);
  const readme = await readFile(repo, "README.md", "main");
  const next = readmeWithDecision(readme?.text ?? `# ${entry.id ? `${entry.id}: ` : ""}${entry.title}\n`, decision);
  const details = { decidedAt: decision.at, outcome: decision.outcome };
  if (readme && next === readme.text) {
    await recordAction({ actor, kind: "decision_readme", rfcSlug: entry.slug, repo: entry.repo, details: { ...details, alreadyInGit: true } });
    return "present";
  }
  await commitFiles({
    repo,
    branch: "main",
    files: [readme ? { op: "update", path: "README.md", content: next, sha: readme.sha } : { op: "create", path: "README.md", content: next }],
    subject: `Record the decision: ${decision.outcome}`,
    body: decision.rationale,
    actor,
    audit: { kind: "decision_readme", rfcSlug: entry.slug, details },
  });
  return "written";
}
