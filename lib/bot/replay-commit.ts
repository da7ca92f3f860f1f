import { changeFiles, encodeBase64, type RepoRef } from "@/lib/gitea";
import { gitBlobSha } from "@/lib/gitea/blob-sha";
import { WriteMismatch } from "./write-files";

// A commit copied from one repo to another through the contents API (the
// REST API cannot move commits between repos): the same message — its
// trailers, On-behalf-of included, intact — author, committer and dates.
// Used only when a branch moves between its public repo and its private
// companion (lib/private/move-branch), which audits the move as one action
// and removes the half-made copy if a commit is not what was sent.

export type Signature = { name: string; email: string; date: string };

export async function replayCommit(args: {
  repo: RepoRef;
  branch: string;
  path: string;
  content: string;
  blobSha: string;
  message: string;
  author: Signature;
  committer: Signature;
}): Promise<{ commitSha: string; blobSha: string }> {
  const { author, committer } = args;
  const res = await changeFiles(args.repo, {
    branch: args.branch,
    message: args.message.trim(),
    files: [{ operation: "update", path: args.path, content: encodeBase64(args.content), sha: args.blobSha }],
    author: { name: author.name, email: author.email },
    committer: { name: committer.name, email: committer.email },
    ...(author.date && committer.date ? { dates: { author: author.date, committer: committer.date } } : {}),
  });
  const commitSha = res.commit?.sha ?? "";
  const blobSha = res.files?.[0]?.sha ?? "";
  // As every bot commit (lib/bot/write-files): the answer's blob sha proves Gitea stored our bytes.
  const expected = gitBlobSha(args.content);
  if (blobSha !== expected) throw new WriteMismatch(commitSha, [{ path: args.path, expected, actual: blobSha }]);
  return { commitSha, blobSha };
}
