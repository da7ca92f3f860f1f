import type { BranchNameLimit } from "@/lib/branches/names";
import type { AiStatus, BranchSummary } from "@/lib/contracts";

// What the page (server) hands the RFC view (client): decided with can() on
// the server (§6); the routes check again on every write.

export type ViewPerms = {
  chat: boolean;
  askAi: boolean;
  subthread: boolean;
  flag: boolean;
  cutBranch: boolean;
  edit: boolean;
  flipVisibility: boolean;
  openPr: boolean;
  updateBranch: boolean;
  deleteBranch: boolean;
  mergePr: boolean;
  resolveFlags: boolean;
  /** Stop any AI reply on this RFC, not only one's own (its owners, admins; issue 14). */
  stopAnyAiReply: boolean;
  graduate: boolean;
};

/** `branchLimit`: how long a new branch's name may be here (lib/branches/names.ts branchNameLimit). */
export type ViewRfc = { slug: string; title: string; state: string; rfcId: string | null; tags: string[]; branchLimit: BranchNameLimit };

export type ViewProps = {
  rfc: ViewRfc;
  branch: BranchSummary;
  branches: BranchSummary[];
  mainText: string | null; // main's text from the cache; null on other branches (fetched)
  perms: ViewPerms;
  /** Whether the AI participant is there, and its models (§18): decided with the page, so its controls show at once. */
  ai: AiStatus;
  /** The signed-in person's login, or null for a reader. */
  viewer: string | null;
  signInHref: string;
  initialMode: "discuss" | "contribute";
  /** Where a link (a notification's) opens the view: a thread and message, or a card (lib/notifications/links.ts). */
  initialPlace?: { thread: string | null; message: string | null; change: string | null };
};
