import "server-only";
import { publishProgress } from "./progress-events";
import { saveSnapshot } from "./store";
import { FORWARD_STEPS, STEP_LABELS, type GraduationSnapshot, type GraduationStatus, type Step, type StepKey } from "./types";

export function initialSteps(): Step[] {
  return FORWARD_STEPS.map((key) => ({
    key,
    kind: "forward",
    label: STEP_LABELS[key],
    status: "pending",
    detail: null,
    startedAt: null,
    finishedAt: null,
  }));
}

/**
 * Owns one graduation's step list. Every transition is written to the
 * Graduation row, then published on the bus, in that order, so a late
 * subscriber reading the row never sees a state older than one it missed.
 */
export class GraduationTracker {
  private snap: GraduationSnapshot;

  constructor(initial: GraduationSnapshot) {
    this.snap = structuredClone(initial);
  }

  get snapshot(): GraduationSnapshot {
    return structuredClone(this.snap);
  }

  start(key: StepKey, detail: string | null = null) {
    return this.transition(key, { status: "running", detail, startedAt: new Date().toISOString() });
  }

  done(key: StepKey, detail: string | null = null) {
    return this.transition(key, { status: "done", detail, finishedAt: new Date().toISOString() });
  }

  fail(key: StepKey, detail: string) {
    this.snap.error ??= detail;
    return this.transition(key, { status: "failed", detail, finishedAt: new Date().toISOString() });
  }

  /** §13.3: after a failure, every forward step that never started shows not-reached. */
  async markNotReached(): Promise<void> {
    for (const step of this.snap.steps) {
      if (step.kind === "forward" && step.status === "pending") await this.transition(step.key, { status: "not-reached" });
    }
  }

  /** Appends an undo step, shown pending until it starts. */
  async addUndo(key: StepKey): Promise<void> {
    this.snap.steps.push({ key, kind: "undo", label: STEP_LABELS[key], status: "pending", detail: null, startedAt: null, finishedAt: null });
    await this.transition(key, {});
  }

  async finish(status: GraduationStatus): Promise<void> {
    this.snap.status = status;
    this.snap.finishedAt = new Date().toISOString();
    this.snap.seq += 1;
    await this.persist();
    publishProgress({ type: "finished", snapshot: this.snapshot });
  }

  private async transition(key: StepKey, patch: Partial<Step>): Promise<void> {
    const step = this.snap.steps.find((s) => s.key === key);
    if (!step) throw new Error(`unknown graduation step ${key}`);
    Object.assign(step, patch);
    this.snap.seq += 1;
    await this.persist();
    publishProgress({ type: "step", step: { ...step }, snapshot: this.snapshot });
  }

  private async persist(): Promise<void> {
    try {
      await saveSnapshot(this.snap);
    } catch (err) {
      // A lost progress write must not strand Gitea half-way: the run goes on
      // and the in-memory bus still carries the transition.
      console.error("[quorum] could not save graduation progress", err);
    }
  }
}
