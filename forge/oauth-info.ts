import { avatarUrl, displayName } from "./convert/user";
import type { Ctx, Reply } from "./http";
import { groupsOf } from "./oauth-token";
import { route } from "./route";
import { sha256 } from "./store";

// userinfo, JWKS, discovery and introspection (FACTS §4).

function userinfo(ctx: Ctx): Reply {
  const [scheme, token] = (ctx.req.headers.authorization ?? "").split(" ");
  const hash = sha256(token ?? "");
  const rec = /^bearer$/i.test(scheme ?? "")
    ? ctx.forge.store.state.oauthTokens.find((t) => t.accessHash === hash && t.expires > Date.now())
    : undefined;
  const user = rec && ctx.forge.store.userById(rec.userId);
  if (!user) {
    return { status: 401, body: { message: "invalid or expired OAuth2 access token" }, headers: { "WWW-Authenticate": 'Bearer realm="Gitea OAuth2"' } };
  }
  return {
    status: 200,
    body: {
      sub: String(user.id),
      name: displayName(user),
      preferred_username: user.login,
      email: user.email,
      picture: avatarUrl(ctx.forge, user.email),
      groups: groupsOf(ctx.forge, user),
    },
  };
}

function discovery(ctx: Ctx): Reply {
  const root = ctx.forge.root;
  return {
    status: 200,
    body: {
      issuer: root,
      authorization_endpoint: `${root}login/oauth/authorize`,
      token_endpoint: `${root}login/oauth/access_token`,
      jwks_uri: `${root}login/oauth/keys`,
      userinfo_endpoint: `${root}login/oauth/userinfo`,
      introspection_endpoint: `${root}login/oauth/introspect`,
      response_types_supported: ["code", "id_token"],
      id_token_signing_alg_values_supported: ["RS256"],
      subject_types_supported: ["public"],
      scopes_supported: ["openid", "profile", "email", "groups"],
      claims_supported: ["aud", "exp", "iat", "iss", "sub", "name", "preferred_username", "profile", "picture", "website",
        "locale", "updated_at", "email", "email_verified", "groups"],
      code_challenge_methods_supported: ["plain", "S256"],
      grant_types_supported: ["authorization_code", "refresh_token"],
    },
  };
}

function introspect(ctx: Ctx): Reply {
  const [scheme, value] = (ctx.req.headers.authorization ?? "").split(" ");
  const [id, secret] = Buffer.from(value ?? "", "base64").toString("utf8").split(":");
  const app = ctx.forge.store.state.apps.find((a) => a.clientId === id && a.secretHash === sha256(secret ?? ""));
  if (!/^basic$/i.test(scheme ?? "") || !app) return { status: 401, body: { message: "invalid client credentials" } };
  const token = new URLSearchParams(ctx.rawBody.toString("utf8")).get("token") ?? "";
  const rec = ctx.forge.store.state.oauthTokens.find((t) => t.accessHash === sha256(token) && t.expires > Date.now());
  const user = rec && ctx.forge.store.userById(rec.userId);
  if (!rec || !user) return { status: 200, body: { active: false } };
  return {
    status: 200,
    body: { active: true, scope: rec.scope, username: user.login, exp: Math.floor(rec.expires / 1000), sub: String(user.id), aud: app.clientId, iss: ctx.forge.root },
  };
}

export const infoRoutes = [
  route("GET", "/login/oauth/userinfo", userinfo),
  route("POST", "/login/oauth/userinfo", userinfo),
  route("GET", "/login/oauth/keys", (ctx) => ({ status: 200, body: { keys: [ctx.forge.keys.jwk] } })),
  route("GET", "/.well-known/openid-configuration", discovery),
  route("POST", "/login/oauth/introspect", introspect),
];
