import { updateEntry } from "@/lib/entries";
import { readFile, splitFullName } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { conflictOnExisting, metaRepo, nowIso, readEntryOrThrow } from "./meta-entry";
import { readmeWithDecision } from "./readme-decision";
import { commitFiles } from "./write-files";

/**
 * §3 state 4: arbiters record accepted / rejected on an active RFC with a
 * short rationale. Two bot commits: the meta entry's state (plus rationale,
 * who, when) and the per-RFC repo's README, which then shows the decision.
 * Final: a decided RFC cannot be decided again (409).
 */
export async function recordDecision(args: {
  actor: BotActor;
  slug: string;
  outcome: "accepted" | "rejected";
  rationale: string;
}): Promise<{ metaCommitSha: string; readmeCommitSha: string }> {
  const { actor, slug, outcome } = args;
  const rationale = args.rationale.trim();
  if (!rationale) throw new AppError("unprocessable", "A decision needs a rationale");
  const current = await readEntryOrThrow(slug);
  const { state, repo, title } = current.entry;
  if (state !== "active" || !repo) throw new AppError("conflict", `${slug} is ${state}; only an active RFC can be decided`);
  const at = nowIso();

  const content = updateEntry(current.text, { state: outcome, decisionRationale: rationale, decidedAt: at, decidedBy: actor.login });
  const meta = await conflictOnExisting(`${slug} changed meanwhile; try again`, () =>
    commitFiles({
      repo: metaRepo(),
      branch: "main",
      files: [{ op: "update", path: current.path, content, sha: current.sha }],
      subject: `${outcome === "accepted" ? "Accept" : "Reject"} ${title}`,
      body: rationale,
      actor,
      audit: { kind: `record_${outcome}`, rfcSlug: slug, details: { rationale } },
    }),
  );

  const repoRef = splitFullName(repo);
  const readme = await readFile(repoRef, "README.md", "main");
  const next = readmeWithDecision(readme?.text ?? `# ${title}\n`, { outcome, rationale, by: `${actor.name} (@${actor.login})`, at });
  const files = readme
    ? [{ op: "update" as const, path: "README.md", content: next, sha: readme.sha }]
    : [{ op: "create" as const, path: "README.md", content: next }];
  const rm = await commitFiles({
    repo: repoRef,
    branch: "main",
    files,
    subject: `Record the decision: ${outcome}`,
    body: rationale,
    actor,
    audit: { kind: "decision_readme", rfcSlug: slug, details: { outcome } },
  });
  return { metaCommitSha: meta.commitSha, readmeCommitSha: rm.commitSha };
}
