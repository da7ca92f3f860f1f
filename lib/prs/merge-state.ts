// Whether an open PR can be merged, as far as Gitea has decided (§9, FACTS
// §7.2, §7.6). Gitea's PullRequest has no status field: `mergeable` is false
// while Gitea tests the merge in the background, on a conflict, on an error
// and for a work-in-progress title alike. So a false is "checking" until it
// has held, for the same head and base, longer than the window
// (GITEA_MERGE_CHECK_S, CHECK_WINDOW_MS by default) — only
// then "conflicts" — and a title with a WIP prefix is "wip", whatever
// Gitea's check says. The cache stores `mergeable: null` while checking, so
// a transient false never reads as conflicts.

export type MergeState = "checking" | "mergeable" | "conflicts" | "wip";

/** Gitea's default `[repository.pull-request] WORK_IN_PROGRESS_PREFIXES` (models/issues/pull.go IsWorkInProgress). */
export const WORK_IN_PROGRESS_PREFIXES = ["WIP:", "[WIP]"];

/** Gitea takes well under this to test a merge; a false that outlives it is a real "no" (the default of GITEA_MERGE_CHECK_S). */
export const CHECK_WINDOW_MS = 20_000;

export const isWorkInProgress = (title: string) => WORK_IN_PROGRESS_PREFIXES.some((p) => title.toUpperCase().startsWith(p));

export type MergeInput = { state: "open" | "closed" | "merged"; mergeable: boolean | null; title: string; headSha: string | null; baseSha: string | null };
export type MergeMemory = { mergeState: string | null; mergeCheckKey: string | null; mergeCheckSince: Date | null };
export type MergeDecision = { mergeable: boolean | null; mergeState: MergeState | null; mergeCheckKey: string | null; mergeCheckSince: Date | null };

/** The decision for a PR just read from Gitea, given what was known of it before (`prev`). */
export function decideMergeState(pr: MergeInput, prev: MergeMemory | null, now = new Date(), windowMs = CHECK_WINDOW_MS): MergeDecision {
  const none = { mergeCheckKey: null, mergeCheckSince: null };
  if (pr.state !== "open") return { mergeable: pr.mergeable, mergeState: null, ...none };
  if (isWorkInProgress(pr.title)) return { mergeable: false, mergeState: "wip", ...none };
  if (pr.mergeable) return { mergeable: true, mergeState: "mergeable", ...none };
  const key = `${pr.headSha ?? ""}:${pr.baseSha ?? ""}`;
  const sameCheck = prev?.mergeCheckKey === key && !!prev.mergeCheckSince && (prev.mergeState === "checking" || prev.mergeState === "conflicts");
  const since = sameCheck ? prev!.mergeCheckSince! : now;
  if (sameCheck && prev!.mergeState === "conflicts") return { mergeable: false, mergeState: "conflicts", mergeCheckKey: key, mergeCheckSince: since };
  const decided = now.getTime() - since.getTime() >= windowMs;
  return decided
    ? { mergeable: false, mergeState: "conflicts", mergeCheckKey: key, mergeCheckSince: since }
    : { mergeable: null, mergeState: "checking", mergeCheckKey: key, mergeCheckSince: since };
}

/** Said while a title is typed (open-pr-dialog.tsx). */
export const WIP_TITLE_HINT = 'A title that starts with "WIP:" or "[WIP]" marks a draft: Gitea will not merge the pull request until it is renamed.';

/** What the person sees next to the PR, and why Merge is off. */
export const MERGE_STATE_TEXT: Record<MergeState, { badge: string; why: string | null }> = {
  checking: { badge: "checking…", why: "Gitea is checking whether this pull request can be merged; this takes a moment" },
  mergeable: { badge: "can merge", why: null },
  conflicts: { badge: "conflicts", why: "The branch conflicts with main: update it from main (or resolve the conflicts), then merge" },
  wip: { badge: "work in progress", why: 'Its title starts with "WIP:" or "[WIP]", which marks it as a draft Gitea never merges: rename it in Gitea to merge it' },
};
