import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { gitRefOf } from "@/lib/branches/names";
import { updateEntry } from "@/lib/entries";
import { call, giteaClient, readFile } from "@/lib/gitea";
import type { StoredDocument } from "@/lib/rfc-docs/read-document";
import { repoOf, type RfcContext } from "@/lib/rfcs/context";

// §8.9 / issue 6: after committing an accepted change, read the commit back
// from Gitea and check that it is exactly the card's change: one parent (the
// head the change was applied to), one file modified (the document), and the
// file at the commit byte-equal to the text we computed. Anything else (a
// forge that rewrote the content, a commit on another base) is reverted by a
// bot commit, and the caller marks the change failed.

export type CommitFacts = { parents: string[]; files: { filename: string; status: string }[] | null; fileText: string | null };
export type Expectation = { baseSha: string; path: string; fileText: string };

/** What is wrong with the commit, or [] when it is exactly the expected change. Pure. */
export function commitProblems(facts: CommitFacts, want: Expectation): string[] {
  const problems: string[] = [];
  if (facts.parents.length !== 1 || facts.parents[0] !== want.baseSha) {
    problems.push(`its parent is ${facts.parents.join(", ") || "missing"}, not the head ${want.baseSha.slice(0, 10)} it was based on`);
  }
  if (facts.files) {
    const other = facts.files.filter((f) => f.filename !== want.path || f.status !== "modified");
    if (other.length) problems.push(`it touches ${other.map((f) => `${f.filename} (${f.status})`).join(", ")}`);
  }
  if (facts.fileText === null) problems.push(`${want.path} is missing at the commit`);
  else if (facts.fileText !== want.fileText) problems.push(`${want.path} at the commit differs from the accepted change`);
  return problems;
}

/** The whole file the commit should leave: a super-draft keeps its frontmatter bytes (§3). */
export function expectedFileText(rfc: RfcContext, before: StoredDocument, newText: string): string {
  return rfc.home.kind === "meta" ? updateEntry(before.fileText, { body: newText }) : newText;
}

export async function readCommitFacts(rfc: RfcContext, commitSha: string, path: string): Promise<CommitFacts & { blobSha: string | null }> {
  const repo = repoOf(rfc.home);
  const [commit, file] = await Promise.all([
    call(`commit ${commitSha}`, () =>
      giteaClient().repos.repoGetSingleCommit(repo.owner, repo.repo, commitSha, { stat: false, verification: false, files: true }),
    ),
    readFile(repo, path, commitSha),
  ]);
  return {
    parents: (commit.parents ?? []).map((p) => p.sha ?? ""),
    files: commit.files ? commit.files.map((f) => ({ filename: f.filename ?? "", status: f.status ?? "" })) : null,
    fileText: file?.text ?? null,
    blobSha: file?.sha ?? null,
  };
}

/**
 * Checks the commit; on a mismatch restores the document as it was before
 * (a bot commit with the same Change-Id) and returns the problems. Returns []
 * when the commit is right.
 */
export async function verifyOrRevert(args: {
  rfc: RfcContext;
  branch: string;
  before: StoredDocument;
  commitSha: string;
  fileText: string;
  subject: string;
  changeIds: string[];
  actor: BotActor;
}): Promise<{ problems: string[]; revertSha: string | null }> {
  const { rfc, before } = args;
  const facts = await readCommitFacts(rfc, args.commitSha, before.path);
  const problems = commitProblems(facts, { baseSha: before.headSha, path: before.path, fileText: args.fileText });
  if (problems.length === 0) return { problems, revertSha: null };
  const { commitSha: revertSha } = await commitFiles({
    repo: repoOf(rfc.home),
    branch: gitRefOf(rfc.home, args.branch),
    files: facts.blobSha
      ? [{ op: "update", path: before.path, content: before.fileText, sha: facts.blobSha }]
      : [{ op: "create", path: before.path, content: before.fileText }],
    subject: `Revert "${args.subject}"`,
    body: `This reverts commit ${args.commitSha}: it was not exactly the accepted change (${problems.join("; ")}).`,
    trailers: args.changeIds.map((id) => ["Change-Id", id] as [string, string]),
    actor: args.actor,
    audit: { kind: "revert_change", rfcSlug: rfc.slug, branch: args.branch, details: { reverted: args.commitSha, problems, changeIds: args.changeIds } },
  });
  return { problems, revertSha };
}
