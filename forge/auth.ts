import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Forge } from "./forge";
import { HttpError, type Auth } from "./http";
import { sha256 } from "./store";
import type { UserRec } from "./types";

// API authentication (FACTS §4): `Authorization: token|Bearer <t>` (API
// tokens and the forge's OAuth access tokens), HTTP Basic (password or token
// as password), or the `token` / `access_token` query parameters.

// A cheap scrypt cost: this is a local development and test server.
const SCRYPT_N = 1024;

export function hashPassword(password: string): string {
  const salt = randomBytes(16).toString("hex");
  return `scrypt$${SCRYPT_N}$${salt}$${scryptSync(password, salt, 32, { N: SCRYPT_N }).toString("hex")}`;
}

export function verifyPassword(user: UserRec, password: string): boolean {
  const [kind, n, salt, hash] = user.passwordHash.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const actual = scryptSync(password, salt, 32, { N: Number(n) });
  return timingSafeEqual(actual, Buffer.from(hash, "hex"));
}

export const newToken = () => randomBytes(20).toString("hex");

/** The user of an API token or an unexpired OAuth access token. */
export function userForToken(forge: Forge, token: string): Omit<Auth, "user"> & { user: UserRec } | null {
  const hash = sha256(token);
  const api = forge.store.state.tokens.find((t) => t.hash === hash);
  if (api) {
    const user = forge.store.userById(api.userId);
    return user ? { user, kind: "api", scopes: api.scopes } : null;
  }
  const oauth = forge.store.state.oauthTokens.find((t) => t.accessHash === hash && t.expires > Date.now());
  if (oauth) {
    const user = forge.store.userById(oauth.userId);
    return user ? { user, kind: "oauth", scopes: oauthScopes(forge, oauth.scope) } : null;
  }
  return null;
}

/**
 * FACTS §7.9: in 1.22 an OAuth2 access token has full access whatever was
 * asked; from 1.23 (services/oauth2_provider GrantAdditionalScopes) it is
 * limited to the granular scopes granted besides openid/profile/email/groups
 * (none, or an invalid one, still means full access).
 */
function oauthScopes(forge: Forge, granted: string): string[] {
  if (forge.gitea.version === "1.22") return ["all"];
  const extra = granted.split(" ").filter((s) => s && !["openid", "profile", "email", "groups"].includes(s));
  return extra.length && extra.every(validScope) ? extra : ["all"];
}

const invalid = () => new HttpError(401, "invalid username, password or token");

export function authenticate(forge: Forge, req: IncomingMessage, query: URLSearchParams): Auth {
  const header = req.headers.authorization?.trim() ?? "";
  const [scheme, ...rest] = header.split(/\s+/);
  const value = rest.join(" ");
  let token = query.get("token") || query.get("access_token") || "";
  if (/^(token|bearer)$/i.test(scheme) && value) token = value;
  if (/^basic$/i.test(scheme) && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const [login, secret] = colon < 0 ? [decoded, ""] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const user = forge.store.userByName(login);
    if (user && secret && verifyPassword(user, secret)) return { user, kind: "basic", scopes: ["all"] };
    const viaToken = secret ? userForToken(forge, secret) : null;
    if (user && viaToken && viaToken.user.id === user.id) return viaToken;
    throw invalid();
  }
  if (!token) return { user: null, kind: null, scopes: [] };
  const found = userForToken(forge, token);
  if (!found) throw invalid();
  return found;
}

export const SCOPE_CATEGORIES = [
  "activitypub",
  "admin",
  "misc",
  "notification",
  "organization",
  "package",
  "issue",
  "repository",
  "user",
] as const;
export type ScopeCategory = (typeof SCOPE_CATEGORIES)[number];

export function validScope(scope: string): boolean {
  if (scope === "all" || scope === "public-only") return true;
  const [level, category] = scope.split(":");
  return (level === "read" || level === "write") && (SCOPE_CATEGORIES as readonly string[]).includes(category);
}

/** 403 unless a token (API, or OAuth from 1.23) carries read/write access to one of `categories`. */
export function requireScope(auth: Auth, categories: ScopeCategory[], write: boolean): void {
  if (auth.kind !== "api" && auth.kind !== "oauth") return;
  const ok = categories.some((c) => auth.scopes.some((s) => s === "all" || s === `write:${c}` || (!write && s === `read:${c}`)));
  if (!ok) {
    const needed = categories.map((c) => `${write ? "write" : "read"}:${c}`).join(" ");
    throw new HttpError(403, `token does not have at least one of required scope(s): [${needed}]`);
  }
}
