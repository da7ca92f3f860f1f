import type { ChangeAttempt } from "@/lib/contracts";
import { parseObject } from "@/lib/db/json";

// What a change row's `details` JSON says about how its block matched the
// document and how it was repaired (§18, issue 16). One shape, read by the
// card view, the repair and the accept commit (AI-Repaired trailer).

export type { ChangeAttempt };

export type ChangeDetails = {
  /** Why the model's original did not hold: only a loose match, or several occurrences. */
  matched?: "loose" | "ambiguous";
  /** The exact source where the document holds text like the original (loose) or each occurrence's paragraph (ambiguous). */
  documentHas?: string[];
  /** The repair asked of the model: at most one automatic, each counted against the asker's rate limit. */
  repair?: { state: "running" | "done" | "failed"; count: number; note?: string; startedAt?: number };
  /** Every block tried once a repair ran, oldest first (the first one and the repair's). */
  attempts?: ChangeAttempt[];
  /** The card's block came from a repair and matched exactly. */
  repaired?: boolean;
};

/** A repair claimed longer ago than the AI timeout plus this belongs to a server that stopped. */
export const REPAIR_GRACE_MS = 60_000;

export const INTERRUPTED_REPAIR_NOTE = "The repair was interrupted (the server stopped while the AI was answering). Ask the AI to fix it again.";

/**
 * Issue 16: a repair still "running" after the longest it may take (the AI
 * timeout plus a grace minute) never ends — its server stopped — so it reads
 * as failed and may be asked again; `startedBefore` (the reconciler's
 * restart cutoff) ends one sooner.
 */
export function repairIsDead(d: ChangeDetails, opts: { timeoutS: number; now?: number; startedBefore?: Date }): boolean {
  if (d.repair?.state !== "running") return false;
  const started = d.repair.startedAt ?? 0;
  if (opts.startedBefore && started < opts.startedBefore.getTime()) return true;
  return (opts.now ?? Date.now()) - started >= opts.timeoutS * 1000 + REPAIR_GRACE_MS;
}

/** The details with a dead repair settled as failed (it keeps its count: it was asked). */
export function failDeadRepair(d: ChangeDetails): ChangeDetails {
  if (d.repair?.state !== "running") return d;
  return { ...d, repair: { state: "failed", count: d.repair.count, note: INTERRUPTED_REPAIR_NOTE } };
}

export const readDetails = (text: string | null | undefined): ChangeDetails => parseObject<ChangeDetails>(text, {});

export const writeDetails = (details: ChangeDetails): string | null => (Object.keys(details).length ? JSON.stringify(details) : null);
