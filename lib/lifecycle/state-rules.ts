import type { Action } from "@/lib/auth/permissions";

// §3 what each state of an entry allows. Accepted, rejected and withdrawn are
// final: a record that everyone can read and nobody can change (no branches,
// PRs, AI edits, flushes, accepts, chat). Claims and graduation belong to a
// super-draft; motions and decisions to an active RFC. permissions.ts asks
// this table for every action on an RFC, so the rule holds on every route.

const LIVE = ["super-draft", "active"] as const;

const STATES: Partial<Record<Action, readonly string[]>> = {
  claim: ["super-draft"], // §13.1
  graduate: ["super-draft"], // §13.2
  withdraw: LIVE, // §3 state 5
  record_decision: ["active"], // §3 state 4
  open_motion: ["active"],
  sign_off: ["active"],
  resolve_concern: ["active"],
  cancel_motion: ["active"],
  edit_metadata: LIVE,
  merge_meta_pr: LIVE,
  chat: LIVE,
  ask_ai: LIVE,
  subthread: LIVE,
  flag: LIVE,
  resolve_flag: LIVE,
  cut_branch: LIVE,
  edit_branch: LIVE,
  flip_visibility: LIVE,
  open_pr: LIVE,
  update_branch: LIVE,
  delete_branch: LIVE,
  merge_pr: LIVE,
};

/** The states `action` needs, or null when any state will do (reads, app-wide acts). */
export const statesFor = (action: Action): readonly string[] | null => STATES[action] ?? null;

/** Why `action` is refused in `state`, or null when the state allows it. */
export function stateRefusal(action: Action, state: string | undefined): string | null {
  const allowed = statesFor(action);
  if (!allowed || state === undefined || allowed.includes(state)) return null;
  const what = action.replace(/_/g, " ");
  if (!LIVE.includes(state as (typeof LIVE)[number])) return `This RFC is ${state}: it is a record now and stays read-only (cannot ${what})`;
  return `This RFC is ${state}: ${what} needs ${allowed.map((s) => (s === "active" ? "an active RFC" : `a ${s}`)).join(" or ")}`;
}

export const isFinalState = (state: string) => state === "accepted" || state === "rejected" || state === "withdrawn";
