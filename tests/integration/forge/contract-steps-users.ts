import { step, type Step } from "./contract-kit";

// Contract steps: version, users, tokens, OAuth applications, orgs and teams.

const API = "/api/v1";
const dave = { login: "dave", password: "dave-password-1" };
const basic = { basic: [dave.login, dave.password] as [string, string] };

export const userSteps: Step[] = [
  step("GET", `${API}/version`, async (k) => {
    const r = await k.call("GET", `${API}/version`, 200, { token: null });
    expect(r.json).toEqual({ version: k.forge.gitea === "1.22" ? "1.22.6" : "1.24.7" });
  }),
  step("GET", `${API}/user`, async (k) => {
    const r = await k.call("GET", `${API}/user`, 200);
    expect(r.json.login).toBe(k.forge.botUser);
    expect(r.json.email).toBe(`${k.forge.botUser}@forge.local`);
  }),
  step("GET", `${API}/users/{username}`, async (k) => {
    const r = await k.call("GET", `${API}/users/alice`, 200, { token: null });
    expect(r.json).toMatchObject({ login: "alice", username: "alice", id: k.forge.users.alice.id, email: "" });
  }),
  step("POST", `${API}/admin/users`, async (k) => {
    const r = await k.call("POST", `${API}/admin/users`, 201, {
      token: k.forge.adminToken,
      body: { username: dave.login, email: "dave@forge.local", password: dave.password, full_name: "Dave Day", must_change_password: false },
    });
    expect(r.json).toMatchObject({ login: "dave", full_name: "Dave Day", email: "dave@forge.local" });
  }),
  step("POST", `${API}/users/{username}/tokens`, async (k) => {
    const r = await k.call("POST", `${API}/users/dave/tokens`, 201, { token: basic, body: { name: "main", scopes: ["all"] } });
    expect(r.json.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(r.json.token_last_eight).toBe(r.json.sha1.slice(-8));
    k.s.daveToken = r.json.sha1;
    const extra = await k.call("POST", `${API}/users/dave/tokens`, 201, { token: k.forge.adminToken, body: { name: "spare", scopes: ["read:user"] } });
    k.s.spareTokenId = extra.json.id;
  }),
  step("GET", `${API}/users/{username}/tokens`, async (k) => {
    const r = await k.call("GET", `${API}/users/dave/tokens`, 200, { token: basic });
    expect(r.json.map((t: { name: string }) => t.name).sort()).toEqual(["main", "spare"]);
    expect(r.json.every((t: { sha1: string }) => t.sha1 === "")).toBe(true);
  }),
  step("DELETE", `${API}/users/{username}/tokens/{token}`, async (k) => {
    await k.call("DELETE", `${API}/users/dave/tokens/${k.s.spareTokenId}`, 204, { token: basic });
  }),
  step("POST", `${API}/user/applications/oauth2`, async (k) => {
    const r = await k.call("POST", `${API}/user/applications/oauth2`, 201, {
      token: k.s.daveToken,
      body: { name: "Contract app", redirect_uris: ["http://127.0.0.1:9/cb"], confidential_client: true },
    });
    expect(r.json.client_secret).toMatch(/^gto_/);
    expect(r.json.client_id).toMatch(/^[0-9a-f-]{36}$/);
    k.s.appId = r.json.id;
  }),
  step("GET", `${API}/user/applications/oauth2`, async (k) => {
    const r = await k.call("GET", `${API}/user/applications/oauth2`, 200, { token: k.s.daveToken });
    expect(r.json).toHaveLength(1);
    expect(r.json[0].client_secret).toBe("");
  }),
  step("GET", `${API}/user/applications/oauth2/{id}`, async (k) => {
    const r = await k.call("GET", `${API}/user/applications/oauth2/${k.s.appId}`, 200, { token: k.s.daveToken });
    expect(r.json.name).toBe("Contract app");
  }),
  step("DELETE", `${API}/user/applications/oauth2/{id}`, async (k) => {
    await k.call("DELETE", `${API}/user/applications/oauth2/${k.s.appId}`, 204, { token: k.s.daveToken });
    await k.call("GET", `${API}/user/applications/oauth2/${k.s.appId}`, 404, { token: k.s.daveToken });
  }),
  step("POST", `${API}/orgs`, async (k) => {
    const r = await k.call("POST", `${API}/orgs`, 201, { token: k.s.daveToken, body: { username: "guild", full_name: "The Guild", visibility: "public" } });
    expect(r.json).toMatchObject({ username: "guild", name: "guild", full_name: "The Guild", visibility: "public" });
  }),
  step("GET", `${API}/orgs/{org}`, async (k) => {
    const r = await k.call("GET", `${API}/orgs/${k.forge.org}`, 200, { token: null });
    expect(r.json.username).toBe(k.forge.org);
  }),
  step("GET", `${API}/orgs/{org}/teams`, async (k) => {
    const r = await k.call("GET", `${API}/orgs/guild/teams`, 200, { token: k.s.daveToken });
    expect(r.json[0]).toMatchObject({ name: "Owners", permission: "owner" });
    k.s.teamId = r.json[0].id;
  }),
  step("PUT", `${API}/teams/{id}/members/{username}`, async (k) => {
    await k.call("PUT", `${API}/teams/${k.s.teamId}/members/alice`, 204, { token: k.s.daveToken });
  }),
  step("GET", `${API}/orgs/{org}/members`, async (k) => {
    const r = await k.call("GET", `${API}/orgs/guild/members`, 200, { token: k.s.daveToken });
    expect(r.json.map((u: { login: string }) => u.login)).toEqual(["dave", "alice"]);
  }),
];
