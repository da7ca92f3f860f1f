import { createHash, randomBytes } from "node:crypto";
import { step, type Step } from "./contract-kit";

// Contract steps: the OAuth2/OIDC provider and the /_forge admin routes.

const REDIRECT = "http://127.0.0.1:9/api/auth/callback/gitea";
const verifier = randomBytes(32).toString("base64url");
const challenge = createHash("sha256").update(verifier).digest("base64url");

function authorizeQuery(clientId: string): string {
  return new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT,
    response_type: "code",
    state: "st-1",
    scope: "openid profile email",
    nonce: "n-1",
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
}

export const oauthSteps: Step[] = [
  step("GET", "/.well-known/openid-configuration", async (k) => {
    const r = await k.call("GET", "/.well-known/openid-configuration", 200, { token: null });
    expect(r.json.issuer).toBe(`${k.forge.url}/`);
    expect(r.json.token_endpoint).toBe(`${k.forge.url}/login/oauth/access_token`);
  }),
  step("GET", "/login/oauth/keys", async (k) => {
    const r = await k.call("GET", "/login/oauth/keys", 200, { token: null });
    expect(r.json.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  }),
  step("GET", "/login/oauth/authorize", async (k) => {
    const r = await k.call("GET", `/login/oauth/authorize?${authorizeQuery(k.forge.oauthClientId)}`, 200, { token: null });
    expect(r.text).toContain("<title>Sign in to the local forge</title>");
    expect(r.text).toContain('aria-label="alice"');
    expect(r.text).not.toContain('aria-label="forge-admin"');
    expect(r.text).not.toContain(`aria-label="${k.forge.botUser}"`);
  }),
  step("POST", "/login/oauth/authorize", async (k) => {
    const r = await k.call("POST", "/login/oauth/authorize", 200, { token: null, rawBody: authorizeQuery(k.forge.oauthClientId), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(r.text).toContain('aria-label="bob"');
  }),
  step("POST", "/login/oauth/grant", async (k) => {
    const form = `${authorizeQuery(k.forge.oauthClientId)}&user=alice`;
    const r = await k.call("POST", "/login/oauth/grant", 302, { token: null, rawBody: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const location = new URL(r.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("st-1");
    k.s.code = location.searchParams.get("code");
  }),
  step("POST", "/login/oauth/access_token", async (k) => {
    const body = new URLSearchParams({ grant_type: "authorization_code", code: k.s.code, redirect_uri: REDIRECT, code_verifier: verifier });
    const basic = Buffer.from(`${k.forge.oauthClientId}:${k.forge.oauthClientSecret}`).toString("base64");
    const r = await k.call("POST", "/login/oauth/access_token", 200, {
      token: null,
      rawBody: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
    });
    expect(r.json).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    expect(typeof r.json.id_token).toBe("string");
    k.s.accessToken = r.json.access_token;
  }),
  step("GET", "/login/oauth/userinfo", async (k) => {
    const r = await k.call("GET", "/login/oauth/userinfo", 200, { token: null, headers: { authorization: `Bearer ${k.s.accessToken}` } });
    expect(r.json).toMatchObject({ sub: String(k.forge.users.alice.id), preferred_username: "alice", email: "alice@forge.local" });
  }),
  step("POST", "/login/oauth/userinfo", async (k) => {
    await k.call("POST", "/login/oauth/userinfo", 401, { token: null, headers: { authorization: "Bearer nope" } });
  }),
  step("POST", "/login/oauth/introspect", async (k) => {
    const basic = Buffer.from(`${k.forge.oauthClientId}:${k.forge.oauthClientSecret}`).toString("base64");
    const r = await k.call("POST", "/login/oauth/introspect", 200, {
      token: null,
      rawBody: `token=${k.s.accessToken}`,
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
    });
    expect(r.json).toMatchObject({ active: true, username: "alice" });
  }),
];

const A = "/_forge";
export const adminSteps: Step[] = [
  step("GET", `${A}/requests`, async (k) => {
    const r = await k.call("GET", `${A}/requests`, 200, { token: k.forge.adminToken });
    expect(r.json.counts["GET /api/v1/version"]).toBeGreaterThanOrEqual(1);
    expect(r.json.log.at(-1)).toMatchObject({ method: expect.any(String), route: expect.any(String), status: expect.any(Number) });
  }),
  step("POST", `${A}/requests/reset`, async (k) => {
    await k.call("POST", `${A}/requests/reset`, 204, { token: k.forge.adminToken });
  }),
  step("POST", `${A}/faults`, async (k) => {
    const r = await k.call("POST", `${A}/faults`, 201, { token: k.forge.adminToken, body: { method: "GET", path: "/api/v1/version", nth: 2, status: 503 } });
    expect(r.json.id).toEqual(expect.any(Number));
  }),
  step("GET", `${A}/faults`, async (k) => {
    const r = await k.call("GET", `${A}/faults`, 200, { token: k.forge.adminToken });
    expect(r.json).toHaveLength(1);
  }),
  step("POST", `${A}/faults/{id}/release`, async (k) => {
    const [held] = (await k.call("GET", `${A}/faults`, 200, { token: k.forge.adminToken })).json as { id: number }[];
    await k.call("POST", `${A}/faults/${held.id}/release`, 204, { token: k.forge.adminToken });
    await k.call("POST", `${A}/faults/999999/release`, 404, { token: k.forge.adminToken });
  }),
  step("DELETE", `${A}/faults`, async (k) => {
    await k.call("DELETE", `${A}/faults`, 204, { token: k.forge.adminToken });
  }),
  step("GET", `${A}/deliveries`, async (k) => {
    const r = await k.call("GET", `${A}/deliveries`, 200, { token: k.forge.adminToken });
    expect(Array.isArray(r.json)).toBe(true);
  }),
  step("POST", `${A}/deliveries/reset`, async (k) => {
    await k.call("POST", `${A}/deliveries/reset`, 204, { token: k.forge.adminToken });
  }),
  step("POST", `${A}/webhooks/pause`, async (k) => {
    await k.call("POST", `${A}/webhooks/pause`, 204, { token: k.forge.adminToken });
  }),
  step("POST", `${A}/webhooks/resume`, async (k) => {
    await k.call("POST", `${A}/webhooks/resume`, 204, { token: k.forge.adminToken });
  }),
  step("POST", `${A}/bulk/repos`, async (k) => {
    const repos = [{ name: "bulk-contract", message: "Seed", files: [{ path: "RFC.md", content: "# Bulk\n" }] }];
    const r = await k.call("POST", `${A}/bulk/repos`, 201, { token: k.forge.adminToken, body: { owner: "rfcs", repos } });
    expect(r.json).toEqual([{ name: "bulk-contract", sha: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
    await k.call("POST", `${A}/bulk/repos`, 403, { body: { owner: "rfcs", repos } });
  }),
  step("POST", `${A}/webhooks/flush`, async (k) => {
    await k.call("POST", `${A}/webhooks/flush`, 204, { token: k.forge.adminToken });
  }),
  step("POST", `${A}/tokens/revoke`, async (k) => {
    const r = await k.call("POST", `${A}/tokens/revoke`, 200, { token: k.forge.adminToken, body: { token: k.s.accessToken } });
    expect(r.json.revoked).toBe(1);
    await k.call("GET", "/api/v1/user", 401, { token: k.s.accessToken });
  }),
  step("GET", `${A}/behaviour`, async (k) => {
    const r = await k.call("GET", `${A}/behaviour`, 200, { token: k.forge.adminToken });
    expect(r.json).toMatchObject({ gitea: { version: k.forge.gitea }, mergeCheckMs: expect.any(Number), webhookOrder: expect.any(String) });
    await k.call("GET", `${A}/behaviour`, 403, { token: k.forge.botToken });
  }),
  step("PATCH", `${A}/behaviour`, async (k) => {
    const before = (await k.call("GET", `${A}/behaviour`, 200, { token: k.forge.adminToken })).json;
    const r = await k.call("PATCH", `${A}/behaviour`, 200, { token: k.forge.adminToken, body: { mergeCheckMs: 1234, webhookOrder: "reverse" } });
    expect(r.json).toMatchObject({ mergeCheckMs: 1234, webhookOrder: "reverse" });
    await k.call("PATCH", `${A}/behaviour`, 422, { token: k.forge.adminToken, body: { webhookOrder: "sideways" } });
    await k.call("PATCH", `${A}/behaviour`, 200, { token: k.forge.adminToken, body: { mergeCheckMs: before.mergeCheckMs, webhookOrder: before.webhookOrder } });
  }),
  step("POST", `${A}/checks/drain`, async (k) => {
    await k.call("POST", `${A}/checks/drain`, 204, { token: k.forge.adminToken });
  }),
];
