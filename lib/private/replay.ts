import "server-only";
import type { Commit } from "gitea-js";
import { replayCommit, type Signature } from "@/lib/bot/replay-commit";
import { mergeBlocks } from "@/lib/markdown/merge-blocks";
import { readFile, type RepoRef } from "@/lib/gitea";

// Moving a branch between its public repo and its private companion
// (lib/private/move-branch): Gitea's REST API cannot copy commits between
// repos, so the target branch starts at the branch's base and each commit's
// change of the document is written again there, one contents-API commit per
// source commit with its message, author, committer and dates. A change
// written against an older base is rebased onto the target's text (a
// three-way merge of the document); merges of main are not copied — what
// they brought is in the base. Commits that change nothing there are folded
// into the previous one. The last step makes sure the text is exactly the
// source's. SHAs change: the answer maps every source commit to its copy.

export type SourceCommit = {
  sha: string;
  parents: string[];
  message: string;
  author: Signature;
  committer: Signature;
  before: string | null; // the file at the first parent (null for a merge)
  after: string; // the file at the commit
};

export type ReplayTarget = { repo: RepoRef; ref: string; path: string; headSha: string; blobSha: string; fileText: string };

export type Replayed = { headSha: string; map: Map<string, string>; written: number; aligned: boolean };

/** What a commit's change of the file leaves when it lands on `onto` instead of its own parent. Pure. */
export function rebaseFile(before: string, after: string, onto: string): string {
  if (before === onto) return after;
  const merged = mergeBlocks(before, after, onto);
  return merged.clean ? merged.text : after;
}

/** Commits in an order where every parent inside the set comes first (Kahn), oldest date first among equals. Pure. */
export function parentsFirst<T extends { sha: string; parents: string[]; date: string }>(commits: T[]): T[] {
  const inSet = new Set(commits.map((c) => c.sha));
  const done = new Set<string>();
  const out: T[] = [];
  const pending = [...commits].sort((a, b) => a.date.localeCompare(b.date));
  while (pending.length) {
    const i = pending.findIndex((c) => c.parents.every((p) => !inSet.has(p) || done.has(p)));
    const [next] = pending.splice(i < 0 ? 0 : i, 1);
    done.add(next.sha);
    out.push(next);
  }
  return out;
}

const signature = (s: { name?: string; email?: string; date?: string } | undefined): Signature => ({ name: s?.name ?? "", email: s?.email ?? "", date: s?.date ?? "" });

/** The source commits with the document's text before and after each (one read per distinct commit). */
export async function loadSourceCommits(repo: RepoRef, path: string, commits: Commit[]): Promise<SourceCommit[]> {
  const texts = new Map<string, Promise<string>>();
  const textAt = (sha: string) => {
    if (!texts.has(sha)) texts.set(sha, readFile(repo, path, sha).then((f) => f?.text ?? ""));
    return texts.get(sha)!;
  };
  const ordered = parentsFirst(
    commits.map((c) => ({ c, sha: c.sha ?? "", parents: (c.parents ?? []).map((p) => p.sha ?? ""), date: c.commit?.committer?.date ?? "" })),
  );
  const out: SourceCommit[] = [];
  for (const { c, sha, parents } of ordered) {
    const merge = parents.length > 1;
    out.push({
      sha,
      parents,
      message: c.commit?.message ?? "",
      author: signature(c.commit?.author),
      committer: signature(c.commit?.committer),
      before: merge ? null : await textAt(parents[0]),
      after: await textAt(sha),
    });
  }
  return out;
}

/** Writes the commits onto the target branch, then aligns its text with `finalText` if the rebase left it different. */
export async function replayOnto(
  target: ReplayTarget,
  commits: SourceCommit[],
  finalText: string,
  align: { message: string; signature: Signature },
): Promise<Replayed> {
  let { headSha, blobSha, fileText: current } = target;
  const map = new Map<string, string>();
  let written = 0;
  const write = async (content: string, message: string, author: Signature, committer: Signature) => {
    const res = await replayCommit({ repo: target.repo, branch: target.ref, path: target.path, content, blobSha, message, author, committer });
    ({ commitSha: headSha, blobSha } = res);
    current = content;
    written++;
  };
  for (const c of commits) {
    const next = c.before === null ? current : rebaseFile(c.before, c.after, current);
    if (next !== current) await write(next, c.message, c.author, c.committer);
    map.set(c.sha, headSha);
  }
  const aligned = current !== finalText;
  if (aligned) await write(finalText, align.message, align.signature, align.signature);
  return { headSha, map, written, aligned };
}
