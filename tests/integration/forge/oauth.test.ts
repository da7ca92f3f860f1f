import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from "node:crypto";
import { generators, Issuer } from "openid-client";
import { startTestForge, type TestForge } from "../../helpers/forge";


// The OAuth2 / OIDC provider (FACTS §4): authorization code + PKCE with a
// plain fetch client (id_token checked against the JWKS), and with
// openid-client — the library next-auth v4 signs in with.

const b64url = (s: string) => Buffer.from(s, "base64url");
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("forge OAuth2 / OIDC provider", () => {
  let forge: TestForge;
  let redirect: string;

  /** Opens the authorize page, picks `login` and returns the redirect URL with code and state. */
  async function signInAs(authorizeUrl: string, login: string): Promise<URL> {
    const page = await fetch(authorizeUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    const fields = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&amp;/g, "&")]));
    expect(html).toMatch(new RegExp(`<button type="submit" name="user" value="${login}" aria-label="${login}">`));
    fields.set("user", login);
    const grant = await fetch(`${forge.url}/login/oauth/grant`, { method: "POST", headers: form, body: fields.toString(), redirect: "manual" });
    expect(grant.status).toBe(302);
    return new URL(grant.headers.get("location")!);
  }

  const token = (body: Record<string, string>, json = false) =>
    fetch(`${forge.url}/login/oauth/access_token`, {
      method: "POST",
      headers: json ? { "content-type": "application/json" } : form,
      body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
    });

  beforeAll(async () => {
    forge = await startTestForge();
    redirect = `${forge.appUrl}/api/auth/callback/gitea`;
  });
  afterAll(() => forge?.stop());

  test("code + PKCE (S256) with a fetch client; id_token verified against the JWKS", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const q = new URLSearchParams({ client_id: forge.oauthClientId, redirect_uri: redirect, response_type: "code", scope: "openid profile email groups", state: "xyz", nonce: "n0", code_challenge: challenge, code_challenge_method: "S256" });
    const back = await signInAs(`${forge.url}/login/oauth/authorize?${q}`, "alice");
    expect(`${back.origin}${back.pathname}`).toBe(redirect);
    expect(back.searchParams.get("state")).toBe("xyz");
    const code = back.searchParams.get("code")!;

    const creds = { client_id: forge.oauthClientId, client_secret: forge.oauthClientSecret, redirect_uri: redirect };
    const wrong = await token({ ...creds, grant_type: "authorization_code", code, code_verifier: "not-the-verifier" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: "unauthorized_client", error_description: "failed PKCE code challenge" });

    const res = await token({ ...creds, grant_type: "authorization_code", code, code_verifier: verifier });
    expect(res.status).toBe(200);
    const reused = await token({ ...creds, grant_type: "authorization_code", code, code_verifier: verifier });
    expect([reused.status, (await reused.json()).error]).toEqual([400, "invalid_grant"]);
    const tokens = await res.json();
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 3600, access_token: expect.any(String), refresh_token: expect.any(String) });

    const [h, p, sig] = tokens.id_token.split(".");
    const header = JSON.parse(b64url(h).toString());
    const jwks = await (await fetch(`${forge.url}/login/oauth/keys`)).json();
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === header.kid) as JsonWebKey;
    expect(header.alg).toBe("RS256");
    expect(verify("sha256", Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: "jwk" }), b64url(sig))).toBe(true);
    const claims = JSON.parse(b64url(p).toString());
    const alice = forge.users.alice;
    expect(claims).toMatchObject({ iss: `${forge.url}/`, aud: forge.oauthClientId, sub: String(alice.id), nonce: "n0", name: "Alice Archer", preferred_username: "alice", email: "alice@forge.local", email_verified: true, groups: [] });
    expect(claims.picture).toMatch(/^http/);
    expect(claims.exp - claims.iat).toBe(3600);

    const me = await forge.api("/api/v1/user", {}, tokens.access_token);
    expect((await me.json()).login).toBe("alice");
    const info = await (await fetch(`${forge.url}/login/oauth/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
    expect(info).toEqual({ sub: String(alice.id), name: "Alice Archer", preferred_username: "alice", email: "alice@forge.local", picture: claims.picture, groups: [] });

    const refreshed = await token({ client_id: forge.oauthClientId, client_secret: forge.oauthClientSecret, grant_type: "refresh_token", refresh_token: tokens.refresh_token }, true);
    expect(refreshed.status).toBe(200);
    const next = await refreshed.json();
    expect((await (await forge.api("/api/v1/user", {}, next.access_token)).json()).login).toBe("alice");

    expect((await forge.admin("/tokens/revoke", { method: "POST", body: JSON.stringify({ token: next.access_token }) })).status).toBe(200);
    expect((await forge.api("/api/v1/user", {}, next.access_token)).status).toBe(401);
  });

  test.each([
    ["reused or unknown code", { grant_type: "authorization_code", code: "nope" }, "invalid_grant"],
    ["wrong client secret", { grant_type: "authorization_code", code: "nope", client_secret: "gto_wrong" }, "unauthorized_client"],
    ["unsupported grant type", { grant_type: "password" }, "unsupported_grant_type"],
  ])("token endpoint error: %s → 400", async (_name, body, error) => {
    const res = await token({ client_id: forge.oauthClientId, client_secret: forge.oauthClientSecret, ...body });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(error);
  });

  test("authorize errors: unknown client and redirect URI are pages; a bad response_type redirects", async () => {
    const base = { client_id: forge.oauthClientId, redirect_uri: redirect, response_type: "code", state: "s1" };
    const page = (q: Record<string, string>) => fetch(`${forge.url}/login/oauth/authorize?${new URLSearchParams(q)}`, { redirect: "manual" });
    expect((await page({ ...base, client_id: "nope" })).status).toBe(400);
    expect((await page({ ...base, redirect_uri: "http://evil.example/cb" })).status).toBe(400);
    const bad = await page({ ...base, response_type: "token" });
    expect(bad.status).toBe(302);
    const to = new URL(bad.headers.get("location")!);
    expect([to.searchParams.get("error"), to.searchParams.get("state")]).toEqual(["unsupported_response_type", "s1"]);
  });

  test("openid-client (next-auth v4's library) signs in unchanged: discovery, PKCE, id_token, userinfo", async () => {
    const issuer = await Issuer.discover(forge.url);
    expect(issuer.metadata.issuer).toBe(`${forge.url}/`);
    const client = new issuer.Client({ client_id: forge.oauthClientId, client_secret: forge.oauthClientSecret, redirect_uris: [redirect], response_types: ["code"] });
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({ scope: "openid profile email", code_challenge: generators.codeChallenge(codeVerifier), code_challenge_method: "S256", state, nonce });
    const back = await signInAs(url, "bob");
    const params = client.callbackParams(back.toString());
    const tokenSet = await client.callback(redirect, params, { code_verifier: codeVerifier, state, nonce });
    expect(tokenSet.claims()).toMatchObject({ preferred_username: "bob", sub: String(forge.users.bob.id) });
    expect(await client.userinfo(tokenSet)).toMatchObject({ preferred_username: "bob" });

    // next-auth's `type: "oauth"` provider uses the plain OAuth2 callback and GET /api/v1/user.
    const v2 = generators.codeVerifier();
    const back2 = await signInAs(client.authorizationUrl({ scope: "read:user", code_challenge: generators.codeChallenge(v2), code_challenge_method: "S256", state }), "carol");
    const oauthTokens = await client.oauthCallback(redirect, client.callbackParams(back2.toString()), { code_verifier: v2, state });
    expect(oauthTokens.id_token).toBeUndefined();
    const user = await client.userinfo(oauthTokens.access_token!, { via: "header" });
    expect(user).toMatchObject({ preferred_username: "carol" });
    const apiUser = await (await forge.api("/api/v1/user", {}, oauthTokens.access_token!)).json();
    expect(apiUser).toMatchObject({ login: "carol", email: "carol@forge.local" });
  });
});
