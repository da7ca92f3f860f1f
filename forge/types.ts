// Persisted records of the local forge (FORGE.md). Times are epoch milliseconds.

export interface UserRec {
  id: number;
  login: string;
  email: string;
  fullName: string;
  passwordHash: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  created: number;
  lastLogin: number;
}

export interface OrgRec {
  id: number; // shares the user id space, as in Gitea
  name: string;
  fullName: string;
  description: string;
  visibility: "public" | "limited" | "private";
  teamId: number; // the single "Owners" team
  members: number[];
  created: number;
}

export interface RepoRec {
  id: number;
  ownerId: number;
  ownerName: string;
  name: string;
  description: string;
  private: boolean;
  defaultBranch: string;
  archived: boolean;
  archivedAt: number;
  created: number;
  updated: number;
  nextIndex: number;
  /** Direct collaborators (models/repo/collaboration.go); absent in state written before they existed. */
  collaborators?: CollaboratorRec[];
}

/** A collaboration: read, write or admin access for one user (AccessMode 1–3). */
export interface CollaboratorRec {
  userId: number;
  mode: "read" | "write" | "admin";
}

export interface TokenRec {
  id: number;
  userId: number;
  name: string;
  hash: string; // sha256 of the token
  lastEight: string;
  scopes: string[];
  created: number;
}

export interface OAuthAppRec {
  id: number;
  ownerId: number;
  name: string;
  clientId: string;
  secretHash: string;
  redirectUris: string[];
  confidential: boolean;
  created: number;
}

export interface OAuthTokenRec {
  accessHash: string;
  refreshHash: string;
  userId: number;
  appId: number;
  scope: string;
  expires: number;
  refreshExpires: number;
}

export interface HookRec {
  id: number;
  repoId: number | null;
  orgId: number | null;
  type: string;
  url: string;
  contentType: "json" | "form";
  secret: string;
  events: string[];
  active: boolean;
  branchFilter: string;
  authorizationHeader: string;
  created: number;
  updated: number;
}

export type MergeStatus = "checking" | "mergeable" | "conflict" | "empty" | "ancestor" | "error";

export interface PullRec {
  id: number;
  issueId: number;
  repoId: number;
  index: number;
  title: string;
  body: string;
  posterId: number;
  state: "open" | "closed";
  headBranch: string;
  baseBranch: string;
  headSha: string;
  baseSha: string; // base tip when mergeability was last checked
  mergeBase: string;
  status: MergeStatus;
  merged: boolean;
  mergedAt: number;
  mergedBy: number;
  mergeCommitSha: string;
  created: number;
  updated: number;
  closed: number;
}

/** A plain comment on a PR's issue (CommentTypeComment); PRs are the only issues. */
export interface CommentRec {
  id: number;
  repoId: number;
  issueId: number; // PullRec.issueId
  posterId: number;
  body: string;
  created: number;
  updated: number;
}

export interface State {
  version: 1;
  adminToken: string;
  seq: Record<string, number>;
  users: UserRec[];
  orgs: OrgRec[];
  repos: RepoRec[];
  tokens: TokenRec[];
  apps: OAuthAppRec[];
  oauthTokens: OAuthTokenRec[];
  hooks: HookRec[];
  pulls: PullRec[];
  comments: CommentRec[];
}

export const emptyState = (): State => ({
  version: 1,
  adminToken: "",
  seq: {},
  users: [],
  orgs: [],
  repos: [],
  tokens: [],
  apps: [],
  oauthTokens: [],
  hooks: [],
  pulls: [],
  comments: [],
});
