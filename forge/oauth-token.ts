import { createHash, randomBytes } from "node:crypto";
import { avatarUrl, displayName } from "./convert/user";
import type { Forge, OAuthCode } from "./forge";
import type { Ctx, Reply } from "./http";
import { route } from "./route";
import { sha256 } from "./store";
import type { OAuthAppRec, OAuthTokenRec, UserRec } from "./types";

// POST /login/oauth/access_token (FACTS §4): authorization_code with PKCE
// and refresh_token; client credentials as form fields or HTTP Basic; JSON or
// form body; errors 400 {error, error_description}.

const ACCESS_TTL = 3600;
const REFRESH_TTL = 730 * 3600;

class OAuthError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const tokenError = (e: OAuthError): Reply => ({ status: 400, body: { error: e.code, error_description: e.description } });

function readParams(ctx: Ctx): Map<string, string> {
  const text = ctx.rawBody.toString("utf8");
  const type = String(ctx.req.headers["content-type"] ?? "");
  if (type.includes("application/json")) {
    try {
      const obj = JSON.parse(text || "{}") as Record<string, unknown>;
      return new Map(Object.entries(obj).map(([k, v]) => [k, String(v ?? "")]));
    } catch {
      throw new OAuthError("invalid_request", "cannot parse the request body");
    }
  }
  return new Map(new URLSearchParams(text));
}

function clientOf(ctx: Ctx, p: Map<string, string>): OAuthAppRec {
  let id = p.get("client_id") ?? "";
  let secret = p.get("client_secret") ?? "";
  const [scheme, value] = (ctx.req.headers.authorization ?? "").split(" ");
  if (/^basic$/i.test(scheme ?? "") && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const i = decoded.indexOf(":");
    id = decodeURIComponent(decoded.slice(0, i < 0 ? undefined : i));
    secret = i < 0 ? "" : decodeURIComponent(decoded.slice(i + 1));
  }
  const app = ctx.forge.store.state.apps.find((a) => a.clientId === id);
  if (!app) throw new OAuthError("invalid_client", `cannot load client with client_id: '${id}'`);
  if ((app.confidential || secret) && sha256(secret) !== app.secretHash) {
    throw new OAuthError("unauthorized_client", "invalid client secret");
  }
  return app;
}

function checkPkce(code: OAuthCode, verifier: string): boolean {
  if (!code.challenge) return true;
  if (!verifier) return false;
  if (code.method === "S256") return createHash("sha256").update(verifier).digest("base64url") === code.challenge;
  return verifier === code.challenge;
}

function issue(forge: Forge, app: OAuthAppRec, user: UserRec, scope: string, nonce: string) {
  const access = `gta_${randomBytes(24).toString("hex")}`;
  const refresh = `gtr_${randomBytes(24).toString("hex")}`;
  const now = Math.floor(Date.now() / 1000);
  const rec: OAuthTokenRec = {
    accessHash: sha256(access),
    refreshHash: sha256(refresh),
    userId: user.id,
    appId: app.id,
    scope,
    expires: (now + ACCESS_TTL) * 1000,
    refreshExpires: (now + REFRESH_TTL) * 1000,
  };
  forge.store.state.oauthTokens = forge.store.state.oauthTokens.filter((t) => t.refreshExpires > Date.now());
  forge.store.state.oauthTokens.push(rec);
  forge.store.save();
  const body: Record<string, unknown> = { access_token: access, token_type: "bearer", expires_in: ACCESS_TTL, refresh_token: refresh };
  const scopes = scope.split(/[\s,]+/);
  if (scopes.includes("openid")) {
    const claims: Record<string, unknown> = { iss: forge.root, aud: app.clientId, sub: String(user.id), exp: now + ACCESS_TTL, iat: now };
    if (nonce) claims.nonce = nonce;
    if (scopes.includes("profile")) {
      Object.assign(claims, {
        name: displayName(user),
        preferred_username: user.login,
        profile: `${forge.root}${user.login}`,
        picture: avatarUrl(forge, user.email),
        website: "",
        locale: "",
        updated_at: Math.floor(user.created / 1000),
      });
    }
    if (scopes.includes("email")) Object.assign(claims, { email: user.email, email_verified: true });
    if (scopes.includes("groups")) claims.groups = groupsOf(forge, user);
    body.id_token = forge.keys.signJwt(claims);
  }
  return body;
}

export const groupsOf = (forge: Forge, user: UserRec) => forge.store.orgsOf(user.id).flatMap((o) => [o.name, `${o.name}:Owners`]);

function accessToken(ctx: Ctx): Reply {
  try {
    const p = readParams(ctx);
    const app = clientOf(ctx, p);
    const grant = p.get("grant_type");
    const store = ctx.forge.store;
    if (grant === "authorization_code") {
      const code = ctx.forge.oauthCodes.get(p.get("code") ?? "");
      if (!code || code.expires < Date.now() || code.appId !== app.id) throw new OAuthError("invalid_grant", "client is not authorized");
      if (p.has("redirect_uri") && p.get("redirect_uri") !== code.redirectUri) throw new OAuthError("invalid_grant", "unexpected redirect URI");
      if (!checkPkce(code, p.get("code_verifier") ?? "")) throw new OAuthError("unauthorized_client", "failed PKCE code challenge");
      ctx.forge.oauthCodes.delete(p.get("code") ?? ""); // single use, invalidated once valid (as Gitea)
      const user = store.userById(code.userId);
      if (!user) throw new OAuthError("invalid_grant", "user does not exist");
      return { status: 200, body: issue(ctx.forge, app, user, code.scope, code.nonce), headers: { "Cache-Control": "no-store" } };
    }
    if (grant === "refresh_token") {
      const hash = sha256(p.get("refresh_token") ?? "");
      const rec = store.state.oauthTokens.find((t) => t.refreshHash === hash && t.refreshExpires > Date.now());
      if (!rec || rec.appId !== app.id) throw new OAuthError("unauthorized_client", "unable to parse refresh token");
      const user = store.userById(rec.userId);
      if (!user) throw new OAuthError("invalid_grant", "user does not exist");
      return { status: 200, body: issue(ctx.forge, app, user, rec.scope, ""), headers: { "Cache-Control": "no-store" } };
    }
    throw new OAuthError("unsupported_grant_type", "Only refresh_token or authorization_code grant type is supported");
  } catch (err) {
    if (err instanceof OAuthError) return tokenError(err);
    throw err;
  }
}

export const accessTokenRoutes = [route("POST", "/login/oauth/access_token", accessToken)];
