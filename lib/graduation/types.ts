// Shapes of a graduation as the runner, the Graduation row, the SSE stream
// and the dialog all see them (§13.3). Shared with the client: no imports.

export const FORWARD_STEPS = ["create_repo", "seed_files", "open_pr", "merge_pr", "refresh_cache"] as const;
export type ForwardStepKey = (typeof FORWARD_STEPS)[number];

/** Undo steps exist only for forward steps that leave something behind (§13.3). */
export const UNDO_STEPS = ["undo_open_pr", "undo_create_repo"] as const;
export type UndoStepKey = (typeof UNDO_STEPS)[number];

export type StepKey = ForwardStepKey | UndoStepKey;
export type StepStatus = "pending" | "running" | "done" | "failed" | "not-reached";

export type Step = {
  key: StepKey;
  kind: "forward" | "undo";
  label: string;
  status: StepStatus;
  /** What happened, in words a person can act on ("PR #12", "Gitea: 500 …"). */
  detail: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

/**
 * running → succeeded | rolled_back | rollback_failed. `interrupted`: the
 * process running it died, and after the restart what it had changed in
 * Gitea was undone (lib/graduation/recover.ts); one that had merged is
 * finished instead and ends `succeeded`.
 */
export type GraduationStatus = "running" | "succeeded" | "rolled_back" | "rollback_failed" | "interrupted";

export type GraduationSnapshot = {
  graduationId: number;
  slug: string;
  rfcId: string;
  repo: string; // org/name
  status: GraduationStatus;
  steps: Step[];
  error: string | null;
  /** Grows with every transition, so a subscriber can drop events its snapshot already holds. */
  seq: number;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
};

/** The SSE events of GET /graduate/progress. */
export type ProgressEvent =
  | { type: "snapshot"; snapshot: GraduationSnapshot }
  | { type: "step"; step: Step; snapshot: GraduationSnapshot }
  | { type: "finished"; snapshot: GraduationSnapshot };

export const STEP_LABELS: Record<StepKey, string> = {
  create_repo: "Create the RFC repository",
  seed_files: "Seed RFC.md, README.md and .rfc/metadata.yaml",
  open_pr: "Open the meta graduation PR",
  merge_pr: "Merge the graduation PR",
  refresh_cache: "Refresh the catalog",
  undo_open_pr: "Undo: close the graduation PR and delete its branch",
  undo_create_repo: "Undo: delete the RFC repository",
};

// ---- answers of the check and blocking-prs routes (§13.2)

export type BlockingPr = {
  number: number;
  title: string;
  openedBy: string;
  openedAt: string;
  updatedAt: string;
  headBranch: string;
  /** The branch as people see it: `<name>` of `edit/<slug>/<name>` (§11). */
  branchName: string;
  url: string;
  actions: { merge: boolean; withdraw: boolean };
};

export type FieldCheck = { value: string; ok: boolean; message: string | null };

export type GraduationCheck = {
  slug: string;
  title: string;
  state: string;
  suggested: { id: string; repo: string };
  /** The Gitea org new repos are created in. */
  repoOwner: string;
  id: FieldCheck | null;
  repo: FieldCheck | null;
  owners: { ok: boolean; logins: string[]; message: string | null };
  blockingPrs: { ok: boolean; items: BlockingPr[]; message: string | null };
  /** The latest graduation of this slug, running or finished. */
  graduation: GraduationSnapshot | null;
  inFlight: boolean;
  viewer: {
    canGraduate: boolean;
    canClaim: boolean;
    isOwner: boolean;
    openClaim: { number: number; openedBy: string } | null;
    /** The entry's owners and admins merge or close a claim (§13.1). */
    canSettleClaim: boolean;
  };
  canSubmit: boolean;
};

export const isFinished = (s: GraduationStatus) => s !== "running";
