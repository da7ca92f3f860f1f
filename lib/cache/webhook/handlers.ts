import type { MainPush, RepoNeeds } from "../needs";
import { pullRequestPayload, pushPayload, refPayload, repositoryPayload, type RepoTarget } from "./payload";

// One handler per X-Gitea-Event: from the payload, what of the repo to
// re-read (§4.1 "refresh only what the event touched"). null = nothing.
type Handler = (payload: unknown, target: RepoTarget) => RepoNeeds | null;

const ZERO = /^0+$/;

/**
 * A push (§4.1 "refresh only what the event touched"): the payload names the
 * branch, its heads before and after, and the files of each commit. A branch
 * that moved is noted from before → after without listing the repo's
 * branches (compare-and-set: a head the cache does not hold lists instead);
 * main's move carries the files, so on the meta repo only the entries those
 * commits touched are read. A created or deleted branch lists. A push to
 * main makes Gitea re-check every open PR into main with no webhook for them
 * (FACTS §7.2): the open PRs are read again (and watched while checking).
 * Companion repos have no PRs of Quorum's.
 */
const push: Handler = (payload, target) => {
  const p = pushPayload.parse(payload);
  if (!p.ref.startsWith("refs/heads/")) return null; // tags are not Quorum's
  const branch = p.ref.slice("refs/heads/".length);
  const onMain = branch === "main";
  const pulls = onMain && target.kind !== "private" ? { openPulls: true } : {};
  const { before, after } = p;
  if (!before || !after || ZERO.test(before) || ZERO.test(after)) return { branches: true, ...pulls };
  if (!onMain || target.kind === "private") return { heads: [{ name: branch, from: before, to: after }], ...pulls };
  return { mainPushes: [{ before, after, files: pushedFiles(p) }], ...pulls };
};

/** Every file the pushed commits touched, or null when the payload lists fewer commits than were pushed. */
function pushedFiles(p: ReturnType<typeof pushPayload.parse>): MainPush["files"] {
  const commits = p.commits ?? [];
  if (p.total_commits === undefined || commits.length < p.total_commits) return null;
  return [...new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]))];
}

/** A branch created or deleted (deleted rows are kept as deleted, §11.5). */
const branchRef: Handler = (payload) => {
  const { ref_type } = refPayload.parse(payload);
  return ref_type === "branch" ? { branches: true } : null;
};

/**
 * A deleted branch also closes its open PRs in Gitea (FACTS §7.7); their
 * `pull_request` closed events may come later, earlier or never (§4.1), so
 * the open PRs are read too.
 */
const deleted: Handler = (payload, target) => {
  const needs = branchRef(payload, target);
  return needs && target.kind !== "private" ? { ...needs, openPulls: true } : needs;
};

/** A PR opened, closed, merged (`closed` + merged), edited or synchronised (§9). Companion repos have none of Quorum's. */
const pullRequest: Handler = (payload, target) => {
  const p = pullRequestPayload.parse(payload);
  if (target.kind === "private") return null;
  const merged = p.action === "closed" && !!p.pull_request?.merged;
  // A merge moves main: re-read branches (and, on meta, entries) as well.
  return { pulls: [p.number], ...(merged ? { branches: true, ...(target.kind === "meta" ? { entries: true } : {}) } : {}) };
};

/** A per-RFC repo archived or deleted: settle its branches and open PRs; a companion repo made or deleted: its branches. */
const repository: Handler = (payload, target) => {
  repositoryPayload.parse(payload);
  if (target.kind === "private") return { branches: true };
  return target.kind === "rfc" ? { branches: true, openPulls: true } : null;
};

export const webhookHandlers: Record<string, Handler> = {
  push,
  create: branchRef,
  delete: deleted,
  pull_request: pullRequest,
  repository,
};
