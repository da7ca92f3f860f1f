import type { LiveEventInput } from "./log";
import { branchTopic } from "./topics";

// A branch's head moved, or the branch was deleted (§8.11, §11.5): published
// by the cache when it learns so — from the app's own write or a webhook's
// refresh alike — so an idle editor or a reader follows the branch (issue 14).

export type BranchHead = { branch: string; headSha: string; state: "open" | "deleted" };

export const branchHeadEvent = (slug: string, head: BranchHead): LiveEventInput => ({ topic: branchTopic(slug, head.branch), type: "head", data: head });
