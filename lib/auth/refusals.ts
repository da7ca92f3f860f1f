import type { Action } from "./permissions";

// What a 403 says: what the person may not do and who may (§6), in words a
// person reads in a toast, never the action's code name. Kept beside
// permissions.ts so a rule and its sentence change together.

const REFUSALS: Partial<Record<Action, string>> = {
  propose: "Sign in with a Gitea account to propose an idea",
  chat: "Only signed-in people can post in this conversation",
  ask_ai: "Only signed-in people can ask the AI",
  subthread: "Only signed-in people can start a thread",
  flag: "Only signed-in people can flag",
  claim: "Only signed-in people can claim an RFC",
  cut_branch: "Only signed-in people can start a branch",
  edit_branch: "Only the branch's creator, the RFC's owners and arbiters, and admins can edit this branch; start a branch of your own to propose changes",
  flip_visibility: "Only the branch's creator, the RFC's owners and arbiters, and admins can make this branch public or private",
  open_pr: "Only the branch's creator, the RFC's owners and arbiters, and admins can open a pull request from this branch",
  update_branch: "Only the branch's creator, the RFC's owners and arbiters, and admins can update this branch from main",
  delete_branch: "Only the branch's creator, the RFC's owners and admins can delete this branch",
  merge_pr: "Only the RFC's owners and arbiters, and admins can merge or close pull requests to main",
  merge_meta_pr: "Only the RFC's owners and admins can merge this",
  decline_idea: "Only admins can decline an idea",
  graduate: "Only the RFC's owners and arbiters, and admins can graduate this RFC",
  withdraw: "Only the RFC's owners and admins can withdraw this RFC",
  record_decision: "Only the RFC's arbiters and the app's owner can record a decision",
  edit_metadata: "Only the RFC's owners and arbiters, and admins can change its title, tags, owners or arbiters",
  open_motion: "Only the RFC's owners and arbiters, and admins can start a motion",
  sign_off: "Only the RFC's arbiters can sign off on a motion or raise a concern",
  resolve_concern: "Only the person who raised a concern can resolve it",
  cancel_motion: "Only the motion's mover, the RFC's owners and admins can cancel it",
  resolve_flag: "Only the RFC's owners and arbiters, and admins can resolve flags",
  view_admin: "Only admins can open the admin page",
  manage_admins: "Only the app's owner can promote or demote admins",
};

/** The sentence of a 403 for `action`. */
export function refusalFor(action: Action): string {
  return REFUSALS[action] ?? `You may not ${action.replace(/_/g, " ")} here`;
}

/** Refusals on main itself: "main is never edited directly" (§6) holds for admins too. */
export function mainRefusalFor(action: Action): string {
  return `Main is never edited directly, not even by admins: ${action === "open_pr" ? "open a pull request from a branch" : "work on a branch and open a pull request"}`;
}
