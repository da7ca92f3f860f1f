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

export const readDetails = (text: string | null | undefined): ChangeDetails => parseObject<ChangeDetails>(text, {});

export const writeDetails = (details: ChangeDetails): string | null => (Object.keys(details).length ? JSON.stringify(details) : null);
