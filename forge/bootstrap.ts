import { randomBytes } from "node:crypto";

// Prepares a forge for Quorum using only the Gitea REST API, so the same
// steps document what a real Gitea needs: the bot user and its token, the
// OAuth application, the org (bot = owner), the meta repo and an org webhook
// to the app; optionally the demo users alice, bob and carol.

export interface BootstrapOptions {
  url: string;
  adminToken: string;
  appUrl: string;
  webhookSecret: string;
  org?: string;
  metaRepo?: string;
  botUser?: string;
  demoUsers?: boolean;
}

export interface BootstrapResult {
  botUser: string;
  botToken: string;
  oauthClientId: string;
  oauthClientSecret: string;
  org: string;
  metaRepo: string;
  users: Record<string, { id: number; token: string; password: string }>;
}

/**
 * The org webhook's events: exactly the boxes README step 4 asks an admin to
 * tick in Gitea's form (Create, Delete, Push, Repository, Pull Request, Pull
 * Request Synchronized). Through the API `pull_request` would expand to
 * every PR sub-event (FACTS §7.3); the form's "Pull Request" box is
 * `pull_request_only`, so the forge gets what a real Gitea set up by hand gets.
 */
export const HOOK_EVENTS = ["create", "delete", "push", "repository", "pull_request_only", "pull_request_sync"];

/** Scopes the bot needs on a real Gitea (1.22 token scopes). */
export const BOT_SCOPES = ["write:repository", "write:organization", "write:issue", "write:user", "read:misc"];
export const DEMO_SCOPES = ["write:repository", "write:issue", "write:user", "read:organization", "read:misc"];
export const DEMO_USERS = [
  { login: "alice", fullName: "Alice Archer" },
  { login: "bob", fullName: "Bob Baker" },
  { login: "carol", fullName: "Carol Chen" },
];

type Auth = { token: string } | { basic: [string, string] };

function client(base: string) {
  return async function call<T>(method: string, path: string, auth: Auth, body?: unknown, okStatuses: number[] = []): Promise<T> {
    const authorization = "token" in auth ? `token ${auth.token}` : `Basic ${Buffer.from(auth.basic.join(":")).toString("base64")}`;
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Authorization: authorization, "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok && !okStatuses.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

const password = () => `pw-${randomBytes(9).toString("base64url")}`;

export async function bootstrapForge(opts: BootstrapOptions): Promise<BootstrapResult> {
  const call = client(opts.url.replace(/\/+$/, ""));
  const admin: Auth = { token: opts.adminToken };
  const org = opts.org ?? "rfcs";
  const metaRepo = opts.metaRepo ?? "meta";
  const botUser = opts.botUser ?? "quorum-bot";

  /** A user with a password and a token made over HTTP Basic, as on Gitea. */
  async function makeUser(login: string, fullName: string, scopes: string[]) {
    const pw = password();
    const user = await call<{ id: number }>("POST", "/admin/users", admin, {
      username: login,
      email: `${login}@forge.local`,
      password: pw,
      full_name: fullName,
      must_change_password: false,
    });
    const token = await call<{ sha1: string }>("POST", `/users/${login}/tokens`, { basic: [login, pw] }, {
      name: `quorum-${randomBytes(3).toString("hex")}`,
      scopes,
    });
    return { id: user.id, token: token.sha1, password: pw };
  }

  const bot = await makeUser(botUser, "Quorum Bot", BOT_SCOPES);
  const botAuth: Auth = { token: bot.token };
  const app = await call<{ client_id: string; client_secret: string }>("POST", "/user/applications/oauth2", botAuth, {
    name: "Quorum",
    redirect_uris: [`${opts.appUrl.replace(/\/+$/, "")}/api/auth/callback/gitea`],
    confidential_client: true,
  });
  await call("POST", "/orgs", botAuth, { username: org, full_name: "RFCs", visibility: "public" });
  await call("POST", `/orgs/${org}/repos`, botAuth, {
    name: metaRepo,
    description: "Quorum meta repository: one entry per RFC",
    auto_init: true,
    default_branch: "main",
    private: false,
  });
  await call("POST", `/repos/${org}/${metaRepo}/contents/rfcs/.gitkeep`, botAuth, { content: "", message: "Add rfcs/ folder" });
  await call("POST", `/orgs/${org}/hooks`, botAuth, {
    type: "gitea",
    config: { url: `${opts.appUrl.replace(/\/+$/, "")}/api/webhooks/gitea`, content_type: "json", secret: opts.webhookSecret },
    events: HOOK_EVENTS,
    active: true,
  });
  const users: BootstrapResult["users"] = {};
  if (opts.demoUsers ?? true) {
    for (const u of DEMO_USERS) users[u.login] = await makeUser(u.login, u.fullName, DEMO_SCOPES);
  }
  return { botUser, botToken: bot.token, oauthClientId: app.client_id, oauthClientSecret: app.client_secret, org, metaRepo, users };
}

/**
 * The app's Gitea settings (lib/config.ts, README "Configuration") for a
 * bootstrapped forge: what dev, tests and benchmarks hand to Quorum.
 */
export function appEnvFor(forge: Pick<BootstrapResult, "botUser" | "botToken" | "org" | "metaRepo" | "oauthClientId" | "oauthClientSecret"> & { url: string; webhookSecret: string }) {
  return {
    GITEA_URL: forge.url,
    GITEA_BOT_USER: forge.botUser,
    GITEA_BOT_TOKEN: forge.botToken,
    GITEA_ORG: forge.org,
    META_REPO: forge.metaRepo,
    GITEA_OAUTH_CLIENT_ID: forge.oauthClientId,
    GITEA_OAUTH_CLIENT_SECRET: forge.oauthClientSecret,
    WEBHOOK_SECRET: forge.webhookSecret,
  };
}
