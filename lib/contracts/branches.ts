/**
 * The PR from a branch to main (§9): the open one, else the most recent.
 * `mergeable` is null while Gitea checks; `mergeState` says why it cannot
 * merge (lib/prs/merge-state.ts), null when closed, merged or not known yet.
 */
export type PrRef = {
  number: number;
  state: "open" | "closed" | "merged";
  mergeable: boolean | null;
  mergeState: "checking" | "mergeable" | "conflicts" | "wip" | null;
};

/** docs/API.md BranchSummary: GET /api/rfcs/{slug}/branches and the RFC view's branch list. */
export type BranchSummary = {
  name: string;
  ref: string;
  headSha: string;
  state: "open" | "deleted";
  visibility: "public" | "private";
  createdBy: string | null;
  aheadBy: number;
  behindBy: number;
  /** False until §9's status was first computed: aheadBy…deletions are then 0 and mean nothing yet. */
  statusKnown: boolean;
  additions: number;
  deletions: number;
  pr: PrRef | null;
};

/** One piece of a block merge (lib/markdown/merge-blocks.ts mergeSegments): merged text, or a place both sides changed. */
export type MergePiece = { kind: "clean"; text: string } | { kind: "conflict"; base: string; ours: string; theirs: string; oursStartLine: number };

/**
 * docs/API.md: the details of a 409 from PATCH …/branches/{branch} `update_from_main`
 * when main and the branch changed the same passages.
 */
export type MergeConflictDetails = {
  files: { path: string; hunks: { base: string; ours: string; theirs: string; oursStartLine: number }[] }[];
  /** For the resolution view: the whole merge in order, and the heads it was read at. */
  resolve: { path: string; mainSha: string; headSha: string; segments: MergePiece[] };
};
