import { AppError } from "@/lib/http/errors";
import { mainRefusalFor, refusalFor } from "./refusals";

// §6 Permissions: the only place that knows the rules. Every route handler
// and server action asks can()/assertCan() on the server; hiding a button
// is not a check.

export type Role = "owner" | "admin" | "contributor";

export type Actor = { id: number; login: string; role: Role };

export type RfcScope = { owners: string[]; arbiters: string[] };
export type BranchScope = { createdBy: string; visibility: "public" | "private"; isMain?: boolean };
export type Resource = { rfc?: RfcScope; branch?: BranchScope; authorLogin?: string };

export type Action =
  | "read" // public RFCs, branches, threads
  | "read_branch" // honours private branches (§8.3)
  | "propose" // propose an idea (§7)
  | "chat" // post in a thread
  | "ask_ai"
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
  | "withdraw"
  | "record_decision" // accepted / rejected (§3 state 4)
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

export function can(user: Actor | null, action: Action, res: Resource = {}): boolean {
  if (action === "read") return true;
  if (action === "read_branch") {
    if (!res.branch || res.branch.visibility === "public") return true;
    return !!user && (isAdmin(user) || stewards(user, res.rfc) || createdBranch(user, res.branch));
  }
  if (!user) return false; // readers never write (§1)
  if (BRANCH_ACTIONS.has(action) && res.branch?.isMain) return false;
  // Admins may do everything but the owner's two rights (§1, §6 last row).
  if (isAdmin(user) && action !== "manage_admins" && action !== "record_decision") return true;

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
    case "withdraw":
    case "resolve_flag":
      return stewards(user, res.rfc);
    case "merge_meta_pr":
    case "decline_idea":
      return ownsRfc(user, res.rfc);
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
  if (!can(user, action, res)) throw new AppError("forbidden", refusalSentence(action, res));
}

/** What the person may not do and who may, in words (lib/auth/refusals). */
function refusalSentence(action: Action, res: Resource): string {
  return BRANCH_ACTIONS.has(action) && res.branch?.isMain ? mainRefusalFor(action) : refusalFor(action);
}

/** Private branches answer 404 to anyone not allowed, the same as a missing branch (§6). */
export function assertCanSeeBranch(user: Actor | null, res: Resource): void {
  if (!can(user, "read_branch", res)) throw new AppError("not_found", "Branch not found");
}
