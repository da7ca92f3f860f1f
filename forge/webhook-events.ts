import type { HookRec } from "./types";

// Hook event names (FACTS §3, models/webhook/webhook.go EventsArray order):
// `issues` / `pull_request` expand to all their sub-events, `*_only` to the
// base event alone; single sub-events are kept as given. That is the API's
// reading (routers/api/v1/utils/hook.go). Gitea's form is another: its
// "Pull Request" box is `pull_request` alone and "Pull Request Synchronized"
// (`pull_request_sync`) a box of its own (FACTS §7.3), which is why README
// step 4 names both and bootstrap.ts HOOK_EVENTS asks for both.

const ORDER = [
  "create",
  "delete",
  "fork",
  "issues",
  "issue_assign",
  "issue_label",
  "issue_milestone",
  "issue_comment",
  "push",
  "pull_request",
  "pull_request_assign",
  "pull_request_label",
  "pull_request_milestone",
  "pull_request_comment",
  "pull_request_review_approved",
  "pull_request_review_rejected",
  "pull_request_review_comment",
  "pull_request_sync",
  "pull_request_review_request",
  "wiki",
  "repository",
  "release",
  "package",
];

const GROUPS: Record<string, string[]> = {
  issues: ["issues", "issue_assign", "issue_label", "issue_milestone", "issue_comment"],
  issues_only: ["issues"],
  pull_request: ORDER.filter((e) => e.startsWith("pull_request")),
  pull_request_only: ["pull_request"],
};

/** The stored (and returned) event list for a CreateHookOption `events`. */
export function expandEvents(events: string[] | undefined): string[] {
  const wanted = new Set<string>();
  for (const e of events?.length ? events : ["push"]) for (const x of GROUPS[e] ?? [e]) wanted.add(x);
  return ORDER.filter((e) => wanted.has(e));
}

export const KNOWN_EVENTS = new Set([...ORDER, ...Object.keys(GROUPS)]);

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") re += ".*";
    else if (ch === "?") re += ".";
    else if (ch === "{") re += "(?:";
    else if (ch === "}") re += ")";
    else if (ch === ",") re += "|";
    else re += ch.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Whether `hook` wants an event of `eventType` (on `branch` for push/create/delete). */
export function hookMatches(hook: HookRec, eventType: string, branch?: string): boolean {
  if (!hook.events.includes(eventType)) return false;
  if (branch === undefined || !hook.branchFilter || hook.branchFilter === "*") return true;
  try {
    return globToRegExp(hook.branchFilter).test(branch);
  } catch {
    return true;
  }
}
