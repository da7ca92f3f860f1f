import { createHash, randomBytes } from "node:crypto";
import type { TestForge } from "../../helpers/forge";

// Gitea's authorization-code flow with PKCE (FACTS §4), driven without a
// browser: what next-auth does, so sign-in code can be tested in-process.
// The forge's authorize page is a form; posting it as `login` grants.

export type GiteaTokens = { access_token: string; refresh_token: string; expires_in: number };

export async function oauthTokensFor(forge: TestForge, login: string): Promise<GiteaTokens> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const redirectUri = `${forge.appUrl}/api/auth/callback/gitea`;
  const fields = {
    client_id: forge.oauthClientId,
    redirect_uri: redirectUri,
    response_type: "code",
    state: randomBytes(8).toString("hex"),
    scope: "read:user",
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
  const granted = await fetch(`${forge.url}/login/oauth/grant`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, user: login }),
    redirect: "manual",
  });
  const code = new URL(granted.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (!code) throw new Error(`the forge granted no code (${granted.status})`);
  const token = await fetch(`${forge.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: forge.oauthClientId,
      client_secret: forge.oauthClientSecret,
    }),
  });
  if (!token.ok) throw new Error(`token exchange failed: ${token.status} ${await token.text()}`);
  return (await token.json()) as GiteaTokens;
}

/** Gitea's `GET /api/v1/user` with a token: the profile next-auth hands the jwt callback. */
export async function giteaProfile(forge: TestForge, token: string): Promise<unknown> {
  const res = await fetch(`${forge.url}/api/v1/user`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/v1/user: ${res.status}`);
  return res.json();
}

export async function revokeToken(forge: TestForge, token: string): Promise<void> {
  const res = await forge.admin("/tokens/revoke", { method: "POST", body: JSON.stringify({ token }) });
  if (!res.ok) throw new Error(`revoke failed: ${res.status}`);
}
