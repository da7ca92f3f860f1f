import type { ChangeFileOperation } from "gitea-js";
import { changeFiles, encodeBase64, type RepoRef } from "@/lib/gitea";
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

/**
 * One bot commit of one or more files, with the On-behalf-of trailer and an
 * audit row (§6.5). Gitea checks each update's blob sha, so a write based on
 * a stale read fails (422) instead of overwriting someone else's work.
 */
export async function commitFiles(req: CommitRequest): Promise<{ commitSha: string }> {
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
  await recordAction({
    actor: req.actor,
    kind: req.audit.kind,
    rfcSlug: req.audit.rfcSlug,
    branch: req.audit.branch ?? req.newBranch ?? req.branch,
    repo: `${req.repo.owner}/${req.repo.repo}`,
    commitSha,
    details: { subject: req.subject, files: req.files.map((f) => `${f.op} ${f.path}`), ...req.audit.details },
  });
  return { commitSha };
}
