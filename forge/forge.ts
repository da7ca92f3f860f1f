import type { Behaviour } from "./behaviour";
import type { Faults } from "./faults";
import type { Locks } from "./locks";
import type { OAuthKeys } from "./oauth-keys";
import type { GiteaProfile } from "./profile";
import type { PullQueue } from "./pull-queue";
import type { Store } from "./store";
import type { RequestLog } from "./request-log";
import type { RepoRec } from "./types";
import type { Webhooks } from "./webhooks";

/** The services every route handler reaches through `ctx.forge`. */
export interface Forge {
  store: Store;
  /** ROOT_URL with a trailing slash, e.g. http://127.0.0.1:3001/ */
  root: string;
  locks: Locks;
  /** The Gitea release the forge behaves like (FORGE_GITEA_VERSION). */
  gitea: GiteaProfile;
  /** Check delay and webhook order; tests change them through /_forge/behaviour. */
  behaviour: Behaviour;
  /** The background mergeability checks (FACTS §7.2). */
  pullQueue: PullQueue;
  webhooks: Webhooks;
  keys: OAuthKeys;
  log: boolean;
  faults: Faults;
  requests: RequestLog;
  /** Pending OAuth authorization codes (in memory, single use, 10 minutes). */
  oauthCodes: Map<string, OAuthCode>;
}

export interface OAuthCode {
  appId: number;
  userId: number;
  redirectUri: string;
  scope: string;
  nonce: string;
  challenge: string;
  method: string;
  expires: number;
}

export const gitDirOf = (forge: Forge, repo: RepoRec) => forge.store.repoDir(repo.ownerName, repo.name);

/** Gitea formats times as RFC 3339 with second precision. */
export const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

/** Normalises a git ISO date ("+00:00" → "Z") the way Go prints UTC times. */
export const gitIso = (date: string) => date.replace(/\+00:00$/, "Z");
