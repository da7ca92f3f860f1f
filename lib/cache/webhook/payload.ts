import { z } from "zod";

// Only what tells us what to refresh (§4.1: never trust payload content for
// the cache). Everything else in Gitea's payload is ignored.

const repository = z.object({ full_name: z.string().min(3) });

export const basePayload = z.object({ repository }).loose();

const pushedCommit = z
  .object({ added: z.array(z.string()).nullish(), removed: z.array(z.string()).nullish(), modified: z.array(z.string()).nullish() })
  .loose();

/** What moved and which files (names only: the files themselves are read from Gitea). */
export const pushPayload = z
  .object({
    ref: z.string(),
    before: z.string().optional(),
    after: z.string().optional(),
    commits: z.array(pushedCommit).nullish(),
    total_commits: z.number().int().nonnegative().optional(),
    repository,
  })
  .loose();

export const refPayload = z.object({ ref: z.string(), ref_type: z.string(), repository }).loose();

/** Who did it in Gitea: named by the notification of a PR opened or merged there (issue 14), never used for the cache. */
const sender = z.object({ login: z.string().min(1), full_name: z.string().nullish() }).loose();

export const pullRequestPayload = z
  .object({
    action: z.string(),
    number: z.number().int().positive(),
    pull_request: z.object({ merged: z.boolean().nullish() }).loose().nullish(),
    repository,
    sender: sender.nullish(),
  })
  .loose();

export const repositoryPayload = z.object({ action: z.string(), repository }).loose();

export type RepoTarget = { repo: string; kind: "meta" | "rfc" | "private" };
