import { randomBytes } from "node:crypto";
import type { Forge } from "./forge";
import type { Ctx, Reply } from "./http";
import { renderAuthorizePage, renderErrorPage } from "./oauth-page";
import { route } from "./route";
import type { OAuthAppRec, UserRec } from "./types";

// GET /login/oauth/authorize and POST /login/oauth/grant (FACTS §4).

const html = (status: number, body: string): Reply => ({ status, raw: body, contentType: "text/html; charset=utf-8" });

/** Users offered on the sign-in page: not site admins, not bots. */
export const signInUsers = (forge: Forge): UserRec[] =>
  forge.store.state.users.filter((u) => !u.isAdmin && !/(^|[-_.])bot$|\[bot\]$/i.test(u.login));

function isLoopback(uri: URL) {
  return uri.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(uri.hostname);
}

/** Exact (case-insensitive) match; public clients may use any port on a loopback URI. */
export function redirectAllowed(app: OAuthAppRec, uri: string): boolean {
  if (app.redirectUris.some((r) => r.toLowerCase() === uri.toLowerCase())) return true;
  if (app.confidential || !URL.canParse(uri)) return false;
  const want = new URL(uri);
  return isLoopback(want) && app.redirectUris.some((r) => {
    if (!URL.canParse(r)) return false;
    const have = new URL(r);
    return isLoopback(have) && have.hostname === want.hostname && have.pathname === want.pathname;
  });
}

function redirectWith(uri: string, params: Record<string, string>): Reply {
  const target = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v) target.searchParams.set(k, v);
  return { status: 302, headers: { Location: target.toString() } };
}

type Params = { get(name: string): string | null };

/** Validates an authorize request; returns the app or an error reply. */
function validate(forge: Forge, p: Params): { app: OAuthAppRec } | { reply: Reply } {
  const app = forge.store.state.apps.find((a) => a.clientId === p.get("client_id"));
  if (!app) return { reply: html(400, renderErrorPage("Client ID not registered")) };
  const redirectUri = p.get("redirect_uri") ?? "";
  if (!redirectAllowed(app, redirectUri)) return { reply: html(400, renderErrorPage("Unregistered Redirect URI")) };
  const state = p.get("state") ?? "";
  const fail = (error: string, error_description: string) => ({ reply: redirectWith(redirectUri, { error, error_description, state }) });
  if (p.get("response_type") !== "code") return fail("unsupported_response_type", "Only code response type is supported.");
  const method = p.get("code_challenge_method") ?? "";
  if (!["", "plain", "S256"].includes(method)) return fail("invalid_request", "unsupported code challenge method");
  if (!app.confidential && !p.get("code_challenge")) return fail("invalid_request", "PKCE is required for public clients");
  return { app };
}

const FIELDS = ["client_id", "redirect_uri", "response_type", "state", "scope", "nonce", "code_challenge", "code_challenge_method"];

function authorize(ctx: Ctx, p: Params): Reply {
  const checked = validate(ctx.forge, p);
  if ("reply" in checked) return checked.reply;
  const hidden = Object.fromEntries(FIELDS.map((f) => [f, p.get(f) ?? ""]));
  return html(200, renderAuthorizePage(checked.app, signInUsers(ctx.forge), hidden));
}

function grant(ctx: Ctx): Reply {
  const form = new URLSearchParams(ctx.rawBody.toString("utf8"));
  const checked = validate(ctx.forge, form);
  if ("reply" in checked) return checked.reply;
  const redirectUri = form.get("redirect_uri")!;
  const state = form.get("state") ?? "";
  if (form.get("deny")) return redirectWith(redirectUri, { error: "access_denied", error_description: "the request is denied", state });
  const user = signInUsers(ctx.forge).find((u) => u.login === form.get("user"));
  if (!user) return html(400, renderErrorPage("Unknown user"));
  const code = randomBytes(24).toString("base64url");
  ctx.forge.oauthCodes.set(code, {
    appId: checked.app.id,
    userId: user.id,
    redirectUri,
    scope: form.get("scope") ?? "",
    nonce: form.get("nonce") ?? "",
    challenge: form.get("code_challenge") ?? "",
    method: form.get("code_challenge_method") ?? "",
    expires: Date.now() + 10 * 60_000,
  });
  user.lastLogin = Date.now();
  ctx.forge.store.save();
  return redirectWith(redirectUri, { code, state });
}

export const authorizeRoutes = [
  route("GET", "/login/oauth/authorize", (ctx) => authorize(ctx, ctx.query)),
  route("POST", "/login/oauth/authorize", (ctx) => {
    const form = new URLSearchParams(ctx.rawBody.toString("utf8"));
    return form.get("user") || form.get("deny") ? grant(ctx) : authorize(ctx, form);
  }),
  route("POST", "/login/oauth/grant", grant),
];
