import { AppError } from "@/lib/http/errors";
import { mainRefusalFor, refusalFor } from "./refusals";
import { stateRefusal } from "@/lib/lifecycle/state-rules";

// §6 Permissions: the only place that knows the rules. Every route handler
// and server action asks can()/assertCan() on the server; hiding a button
// is not a check.

export type Role = "owner" | "admin" | "contributor";

export type Actor = { id: number; login: string; role: Role };

/** Who steers an RFC and, when known, its §3 state (final states allow reading only). */
export type RfcScope = { owners: string[]; arbiters: string[]; state?: string };
export type BranchScope = { createdBy: string; visibility: "public" | "private"; isMain?: boolean };
export type Resource = { rfc?: RfcScope; branch?: BranchScope; authorLogin?: string };

export type Action =
  | "read" // public RFCs, branches, threads
  | "read_branch" // honours private branches (§8.3)
  | "propose" // propose an idea (§7)
  | "chat" // post in a thread
  | "ask_ai"
  | "stop_ai_reply" // end an AI reply early: whoever asked it, the RFC's owners (issue 14)
  | "subthread"
  | "flag"
  | "claim" // §13.1
  | "cut_branch"
  | "edit_branch" // edit, accept / decline changes on a branch
  | "flip_visibility"
  | "open_pr"
  | "update_branch" // merge main into the branch (§12)
  | "delete_branch" // owners, creator (§12)
  | "merge_pr" // merge or close PRs to main
  | "merge_meta_pr" // ideas, claims, metadata, body edits
  | "decline_idea"
  | "graduate"
  | "withdraw" // §3 state 5: owners or admins
  | "record_decision" // accepted / rejected (§3 state 4)
  | "edit_metadata" // open a metadata/<slug> PR (§3, §9)
  | "open_motion" // start a motion toward a decision: owners, arbiters (§3 state 4)
  | "sign_off" // sign off on a motion or raise a concern: arbiters only
  | "resolve_concern" // a concern's author only
  | "cancel_motion" // the motion's mover, owners, admins
  | "resolve_flag" // §8.13 owners and arbiters resolve flags
  | "view_admin" // the admin page: admins and the owner
  | "manage_admins"; // promote / demote admins: the app owner only

// Branch actions: never on main, whoever asks — "Main is never edited
// directly" (§6) holds for admins too, so this check runs before theirs.
const BRANCH_ACTIONS: ReadonlySet<Action> = new Set(["edit_branch", "flip_visibility", "open_pr", "update_branch", "delete_branch"]);

const isAdmin = (u: Actor) => u.role === "admin" || u.role === "owner";
const ownsRfc = (u: Actor, r?: RfcScope) => !!r && r.owners.includes(u.login);
const arbitrates = (u: Actor, r?: RfcScope) => !!r && r.arbiters.includes(u.login);
const stewards = (u: Actor, r?: RfcScope) => ownsRfc(u, r) || arbitrates(u, r);
const createdBranch = (u: Actor, b?: BranchScope) => !!b && !b.isMain && b.createdBy === u.login;

// Acts that are personal, so an admin's "everything" does not include them.
const PERSONAL: ReadonlySet<Action> = new Set(["manage_admins", "record_decision", "sign_off", "resolve_concern"]);

/**
 * Whether `user` may do `action` on `res`: their role (§6) and, on an RFC
 * whose state is known, what that state allows (§3, lib/lifecycle/state-rules).
 */
export function can(user: Actor | null, action: Action, res: Resource = {}): boolean {
  return roleAllows(user, action, res) && !stateRefusal(action, res.rfc?.state);
}

function roleAllows(user: Actor | null, action: Action, res: Resource): boolean {
  if (action === "read") return true;
  if (action === "read_branch") {
    if (!res.branch || res.branch.visibility === "public") return true;
    return !!user && (isAdmin(user) || stewards(user, res.rfc) || createdBranch(user, res.branch));
  }
  if (!user) return false; // readers never write (§1)
  if (BRANCH_ACTIONS.has(action) && res.branch?.isMain) return false;
  // Admins may do everything but the owner's two rights (§1, §6 last row) and
  // what only an arbiter or a concern's author can do for themselves.
  if (isAdmin(user) && !PERSONAL.has(action)) return true;

  switch (action) {
    case "propose":
    case "chat":
    case "ask_ai":
    case "subthread":
    case "flag":
    case "claim":
    case "cut_branch":
      return true;
    case "edit_branch":
    case "flip_visibility":
    case "open_pr":
    case "update_branch":
      // Own branch for its creator, any branch for the RFC's owners/arbiters (§6).
      return stewards(user, res.rfc) || createdBranch(user, res.branch);
    case "delete_branch":
      // §12: "delete (owners, creator)" — arbiters decide, they do not prune.
      return ownsRfc(user, res.rfc) || createdBranch(user, res.branch);
    case "merge_pr":
    case "graduate":
    case "resolve_flag":
    case "edit_metadata":
    case "open_motion":
      return stewards(user, res.rfc);
    case "stop_ai_reply":
      return res.authorLogin === user.login || ownsRfc(user, res.rfc);
    case "withdraw": // §3 "owners or admins withdraw"
    case "merge_meta_pr":
    case "decline_idea":
      return ownsRfc(user, res.rfc);
    case "cancel_motion":
      return ownsRfc(user, res.rfc) || (!!res.authorLogin && res.authorLogin === user.login);
    case "sign_off":
      return arbitrates(user, res.rfc);
    case "resolve_concern":
      return !!res.authorLogin && res.authorLogin === user.login;
    case "record_decision":
      // Arbiters decide; the app owner role too (§6 table).
      return arbitrates(user, res.rfc) || user.role === "owner";
    case "view_admin":
      return false; // admins returned above
    case "manage_admins":
      return user.role === "owner";
  }
}

/**
 * For acts that need a signed-in user: 401 for anonymous readers, 403 for
 * signed-in users who may not act. Reads use can() / assertCanSeeBranch().
 * On a branch, call assertCanSeeBranch() first so a private branch stays a
 * 404 for outsiders even when they try to write to it.
 */
export function assertCan(user: Actor | null, action: Action, res: Resource = {}): asserts user is Actor {
  if (!user) throw new AppError("unauthorized", "Sign in first");
  if (!roleAllows(user, action, res)) throw new AppError("forbidden", refusalSentence(action, res));
  // Allowed, but not in this state: a conflict with the RFC's state, named (§3).
  const refusal = stateRefusal(action, res.rfc?.state);
  if (refusal) throw new AppError("conflict", refusal, { state: res.rfc?.state });
}

/** What the person may not do and who may, in words (lib/auth/refusals). */
function refusalSentence(action: Action, res: Resource): string {
  return BRANCH_ACTIONS.has(action) && res.branch?.isMain ? mainRefusalFor(action) : refusalFor(action);
}

/** Private branches answer 404 to anyone not allowed, the same as a missing branch (§6). */
export function assertCanSeeBranch(user: Actor | null, res: Resource): void {
  if (!can(user, "read_branch", res)) throw new AppError("not_found", "Branch not found");
}
