/** The PR from a branch to main (§9): the open one, else the most recent. */
export type PrRef = { number: number; state: "open" | "closed" | "merged"; mergeable: boolean | null };

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
