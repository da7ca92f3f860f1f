import { step, type Step } from "./contract-kit";

// Contract steps: a private repository, its collaborators and tags (on rfcs/hidden).
// dave (made in the user steps) is the collaborator; alice stays an outsider.

const API = "/api/v1";
const H = `${API}/repos/rfcs/hidden`;
const cutMessage = "Branch retention cut by alice\n\nQuorum-Branch: retention\nOn-behalf-of: Alice Archer <alice>";

export const accessSteps: Step[] = [
  step("PUT", `${API}/repos/{owner}/{repo}/collaborators/{collaborator}`, async (k) => {
    await k.call("POST", `${API}/orgs/rfcs/repos`, 201, { body: { name: "hidden", auto_init: true, default_branch: "main", private: true } });
    await k.call("GET", H, 404, { token: k.s.daveToken });
    await k.call("PUT", `${H}/collaborators/dave`, 204, { body: { permission: "read" } });
    const r = await k.call("GET", H, 200, { token: k.s.daveToken });
    expect(r.json).toMatchObject({ private: true, permissions: { admin: false, push: false, pull: true } });
    // A reader cannot add collaborators (reqAdmin); an unknown login is 422.
    await k.call("PUT", `${H}/collaborators/alice`, 403, { token: k.s.daveToken, body: {} });
    await k.call("PUT", `${H}/collaborators/nobody-here`, 422, { body: {} });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/collaborators/{collaborator}`, async (k) => {
    await k.call("GET", `${H}/collaborators/dave`, 204);
    await k.call("GET", `${H}/collaborators/alice`, 404);
    await k.call("GET", `${H}/collaborators/dave`, 404, { token: k.forge.users.alice.token });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/collaborators`, async (k) => {
    const r = await k.call("GET", `${H}/collaborators`, 200, { token: k.s.daveToken });
    expect(r.json.map((u: { login: string }) => u.login)).toEqual(["dave"]);
    expect(r.headers.get("x-total-count")).toBe("1");
  }),
  step("GET", `${API}/repos/{owner}/{repo}/collaborators/{collaborator}/permission`, async (k) => {
    const r = await k.call("GET", `${H}/collaborators/dave/permission`, 200);
    expect(r.json).toMatchObject({ permission: "read", role_name: "read", user: { login: "dave" } });
    const own = await k.call("GET", `${H}/collaborators/dave/permission`, 200, { token: k.s.daveToken });
    expect(own.json.permission).toBe("read");
    await k.call("GET", `${H}/collaborators/alice/permission`, 403, { token: k.s.daveToken });
    const bot = await k.call("GET", `${H}/collaborators/${k.forge.botUser}/permission`, 200);
    expect(bot.json.permission).toBe("owner");
    // Write access: pushes allowed, settings not.
    await k.call("PUT", `${H}/collaborators/dave`, 204, { body: { permission: "write" } });
    expect((await k.call("GET", `${H}/collaborators/dave/permission`, 200)).json.permission).toBe("write");
    await k.call("PATCH", H, 403, { token: k.s.daveToken, body: { description: "mine" } });
    // An unknown permission leaves the mode as it was (ChangeCollaborationAccessMode discards it).
    await k.call("PUT", `${H}/collaborators/dave`, 204, { body: { permission: "owner" } });
    expect((await k.call("GET", `${H}/collaborators/dave/permission`, 200)).json.permission).toBe("write");
  }),
  step("POST", `${API}/repos/{owner}/{repo}/tags`, async (k) => {
    const r = await k.call("POST", `${H}/tags`, 201, { body: { tag_name: "quorum/cut/retention", message: cutMessage, target: "main" } });
    expect(r.json).toMatchObject({ name: "quorum/cut/retention", message: cutMessage });
    expect(r.json.id).not.toBe(r.json.commit.sha); // annotated: the tag object, then the commit it names
    k.s.tagCommit = r.json.commit.sha;
    const light = await k.call("POST", `${H}/tags`, 201, { token: k.s.daveToken, body: { tag_name: "v1" } });
    expect(light.json.id).toBe(light.json.commit.sha);
    expect(light.json.message).toBe("Initial commit");
    await k.call("POST", `${H}/tags`, 409, { body: { tag_name: "v1" } });
    await k.call("POST", `${H}/tags`, 404, { body: { tag_name: "v2", target: "nope" } });
    await k.call("POST", `${H}/tags`, 422, { body: { tag_name: "a..b" } });
    await k.call("POST", `${H}/tags`, 404, { token: k.forge.users.alice.token, body: { tag_name: "v3" } });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/tags`, async (k) => {
    const r = await k.call("GET", `${H}/tags`, 200, { token: k.s.daveToken });
    expect(r.json.map((t: { name: string }) => t.name).sort()).toEqual(["quorum/cut/retention", "v1"]);
    await k.call("GET", `${H}/tags`, 404, { token: null });
  }),
  step("GET", `${API}/repos/{owner}/{repo}/tags/{tag*}`, async (k) => {
    const r = await k.call("GET", `${H}/tags/quorum/cut/retention`, 200);
    expect(r.json).toMatchObject({ name: "quorum/cut/retention", message: cutMessage, commit: { sha: k.s.tagCommit } });
    await k.call("GET", `${H}/tags/nope`, 404);
  }),
  step("DELETE", `${API}/repos/{owner}/{repo}/tags/{tag*}`, async (k) => {
    await k.call("DELETE", `${H}/tags/v1`, 204);
    await k.call("GET", `${H}/tags/v1`, 404);
    await k.call("DELETE", `${H}/tags/v1`, 404);
  }),
  step("DELETE", `${API}/repos/{owner}/{repo}/collaborators/{collaborator}`, async (k) => {
    await k.call("DELETE", `${H}/collaborators/dave`, 204);
    await k.call("GET", H, 404, { token: k.s.daveToken });
    await k.call("DELETE", `${H}/collaborators/dave`, 204); // not a collaborator any more: still 204
    await k.call("DELETE", `${H}/collaborators/nobody-here`, 422);
  }),
];
