import type { ChangeFileOperation, FilesResponse } from "gitea-js";
import { changeFiles, encodeBase64, type RepoRef } from "@/lib/gitea";
import { gitBlobSha } from "@/lib/gitea/blob-sha";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";
import { composeMessage, onBehalfOf, type Trailers } from "./trailers";

export type FileWrite =
  | { op: "create"; path: string; content: string }
  | { op: "update"; path: string; content: string; sha: string }
  | { op: "delete"; path: string; sha: string };

export type CommitRequest = {
  repo: RepoRef;
  branch: string;
  /** Create this branch from `branch` with the commit on it. */
  newBranch?: string;
  files: FileWrite[];
  subject: string;
  body?: string | null;
  trailers?: Trailers;
  actor: BotActor;
  audit: { kind: string; rfcSlug?: string | null; branch?: string | null; details?: Record<string, unknown> };
};

export type Committed = {
  commitSha: string;
  /** The commit's parents as Gitea answered: the branch head the write landed on. */
  parents: string[];
  /** Blob sha of every created or updated file, verified against the bytes sent. */
  blobs: Record<string, string>;
};

export type BlobMismatch = { path: string; expected: string; actual: string | null };

/**
 * The commit landed, but a file in it is not the bytes we sent (a hook or a
 * filter on the server rewrote it, or the answer is wrong). The caller that
 * can undo it does (lib/rfc-docs/write-document.ts reverts a document).
 */
export class WriteMismatch extends AppError {
  constructor(
    readonly commitSha: string,
    readonly mismatches: BlobMismatch[],
  ) {
    super("upstream", `Gitea stored ${mismatches.map((m) => m.path).join(", ")} differently from what was sent (commit ${commitSha.slice(0, 10)})`, {
      commitSha,
      mismatches,
    });
  }
}

/**
 * §8.9 verification without a read-back: the contents API answers every
 * file it wrote with its blob sha, which must be Git's hash of our bytes.
 */
function verifyBlobs(files: FileWrite[], res: FilesResponse): { blobs: Record<string, string>; mismatches: BlobMismatch[] } {
  const blobs: Record<string, string> = {};
  const mismatches: BlobMismatch[] = [];
  for (const f of files) {
    if (f.op === "delete") continue;
    const actual = res.files?.find((c) => c?.path === f.path)?.sha ?? null;
    const expected = gitBlobSha(f.content);
    if (actual) blobs[f.path] = actual;
    if (actual !== expected) mismatches.push({ path: f.path, expected, actual });
  }
  return { blobs, mismatches };
}

/**
 * One bot commit of one or more files, with the On-behalf-of trailer and an
 * audit row (§6.5). Gitea checks each update's blob sha, so a write based on
 * a stale read fails (422) instead of overwriting someone else's work. The
 * answer is checked file by file against the blob hash of what was sent
 * (WriteMismatch when Gitea stored something else).
 */
export async function commitFiles(req: CommitRequest): Promise<Committed> {
  const message = composeMessage(req.subject, req.body ?? null, [...(req.trailers ?? []), onBehalfOf(req.actor)]);
  const files: ChangeFileOperation[] = req.files.map((f) =>
    f.op === "delete"
      ? { operation: "delete", path: f.path, sha: f.sha }
      : { operation: f.op, path: f.path, content: encodeBase64(f.content), ...(f.op === "update" ? { sha: f.sha } : {}) },
  );
  const res = await changeFiles(req.repo, {
    branch: req.branch,
    ...(req.newBranch ? { new_branch: req.newBranch } : {}),
    message,
    files,
  });
  const commitSha = res.commit?.sha ?? "";
  const { blobs, mismatches } = verifyBlobs(req.files, res);
  await recordAction({
    actor: req.actor,
    kind: req.audit.kind,
    rfcSlug: req.audit.rfcSlug,
    branch: req.audit.branch ?? req.newBranch ?? req.branch,
    repo: `${req.repo.owner}/${req.repo.repo}`,
    commitSha,
    details: { subject: req.subject, files: req.files.map((f) => `${f.op} ${f.path}`), ...req.audit.details, ...(mismatches.length ? { mismatches } : {}) },
  });
  if (mismatches.length) throw new WriteMismatch(commitSha, mismatches);
  return { commitSha, parents: (res.commit?.parents ?? []).map((p) => p.sha ?? ""), blobs };
}
