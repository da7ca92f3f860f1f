import type { PullRequest } from "gitea-js";
import { parseMetaHead, type MetaHead } from "@/lib/entries";
import { getPull } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { metaRepo } from "./meta-entry";

export type OpenMetaPr = { pr: PullRequest; head: MetaHead };

/** An open meta PR and what its head branch says it is (§9); 404 / 409 otherwise. */
export async function loadOpenMetaPr(number: number): Promise<OpenMetaPr> {
  const pr = await getPull(metaRepo(), number);
  if (!pr) throw new AppError("not_found", `No meta PR #${number}`);
  if (pr.state !== "open") throw new AppError("conflict", `Meta PR #${number} is already ${pr.merged ? "merged" : "closed"}`);
  const head = parseMetaHead(pr.head?.ref ?? "");
  if (!head) throw new AppError("unprocessable", `Meta PR #${number} is not a Quorum PR (head ${pr.head?.ref})`);
  return { pr, head };
}

export const KIND_LABEL: Record<MetaHead["kind"], string> = {
  idea: "idea",
  meta_body_edit: "body edit",
  meta_claim: "claim",
  meta_metadata: "metadata change",
  graduation: "graduation",
};

/**
 * Branches that exist only to carry one PR are deleted once it is settled,
 * so the name can be used again; `edit/<slug>/<name>` branches keep their
 * conversation and stay until someone deletes them (§11.5, §12).
 */
export const dropsBranchWhenSettled = (head: MetaHead) => head.kind !== "meta_body_edit";
