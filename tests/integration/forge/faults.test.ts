import { createHash } from "node:crypto";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { waitUntil } from "../../helpers/wait";


// Fault injection and the request log (FORGE.md "Fault injection"; /_forge admin routes).

const M = "/api/v1/repos/rfcs/meta";

describe("forge fault injection and request log", () => {
  let forge: TestForge;
  const fault = async (spec: Record<string, unknown>) => {
    const res = await forge.admin("/faults", { method: "POST", body: JSON.stringify(spec) });
    expect(res.status).toBe(201);
  };
  const statuses = async (n: number, path = M, method = "GET") => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await forge.api(path, { method })).status);
    return out;
  };

  /** Whether the first fault holds `n` requests now. */
  const waiting = (n: number) => async () => ((await (await forge.admin("/faults")).json()) as { waiting: number }[])[0].waiting === n;

  beforeAll(async () => {
    forge = await startTestForge();
  });
  afterAll(() => forge?.stop());
  afterEach(async () => {
    await forge.admin("/faults", { method: "DELETE" });
  });

  test("faults are off by default", async () => {
    expect(await (await forge.admin("/faults")).json()).toEqual([]);
    expect(await statuses(3)).toEqual([200, 200, 200]);
  });

  test("the Nth matching request (counting from now) fails with the chosen status and message", async () => {
    await fault({ method: "GET", path: M, nth: 2, status: 502, message: "upstream hiccup" });
    const res = [await forge.api(M), await forge.api(M), await forge.api(M)];
    expect(res.map((r) => r.status)).toEqual([200, 502, 200]);
    expect(await res[1].json()).toEqual({ message: "upstream hiccup", url: `${forge.url}/api/swagger` });
  });

  test("`times` fails several in a row; a glob matches paths; other methods are not counted", async () => {
    await fault({ method: "POST", path: "/api/v1/repos/*/meta/contents/**", nth: 1, status: 500, times: 2 });
    expect((await forge.api(`${M}/contents/README.md`)).status).toBe(200);
    const post = () => forge.api(`${M}/contents/rfcs/f.md`, { method: "POST", body: JSON.stringify({ content: "" }) });
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([500, 500, 201]);
  });

  test("a regex path and a delay without a status slows the request but lets it through", async () => {
    await fault({ path: "^/api/v1/version$", delayMs: 300 });
    const started = Date.now();
    expect((await forge.api("/api/v1/version")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test("`hold` keeps the matching request waiting until its fault is released; later matches pass", async () => {
    const res = await forge.admin("/faults", { method: "POST", body: JSON.stringify({ path: "^/api/v1/version$", hold: true }) });
    const { id } = (await res.json()) as { id: number };
    let answered = false;
    const held = forge.api("/api/v1/version").then((r) => ((answered = true), r.status));
    // The request reached the forge and waits: the fault says so, and other routes still answer.
    await waitUntil(waiting(1), { what: "the held request" });
    expect((await forge.api(M)).status).toBe(200);
    expect(answered).toBe(false);
    expect((await forge.admin(`/faults/${id}/release`, { method: "POST" })).status).toBe(204);
    expect(await held).toBe(200);
    expect((await forge.api("/api/v1/version")).status).toBe(200);
    expect((await forge.admin("/faults/999999/release", { method: "POST" })).status).toBe(404);
  });

  test("clearing the faults releases every held request", async () => {
    await fault({ path: "^/api/v1/version$", hold: true });
    const held = forge.api("/api/v1/version");
    await waitUntil(waiting(1), { what: "the held request" });
    await forge.admin("/faults", { method: "DELETE" });
    expect((await held).status).toBe(200);
  });

  test("`corrupt` lands a contents write with other bytes than were sent, and answers their blob sha", async () => {
    const sent = "exactly these bytes\n";
    const hash = (text: string) => createHash("sha1").update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest("hex");
    await fault({ method: "POST", path: `${M}/contents`, corrupt: true });
    const res = await forge.api(`${M}/contents`, {
      method: "POST",
      body: JSON.stringify({ branch: "main", message: "corrupted", files: [{ operation: "create", path: "rfcs/corrupt.md", content: Buffer.from(sent).toString("base64") }] }),
    });
    expect(res.status).toBe(201);
    const out = (await res.json()) as { files: { sha: string }[]; commit: { sha: string } };
    const stored = (await (await forge.api(`${M}/contents/rfcs/corrupt.md?ref=${out.commit.sha}`)).json()) as { sha: string; content: string };
    expect(Buffer.from(stored.content, "base64").toString()).toMatch(/^exactly these bytes\n\n<!-- rewritten by the forge/);
    expect(out.files[0].sha).toBe(stored.sha);
    expect(out.files[0].sha).not.toBe(hash(sent));
    const clean = await forge.api(`${M}/contents/rfcs/clean.md`, { method: "POST", body: JSON.stringify({ content: Buffer.from(sent).toString("base64") }) });
    expect(((await clean.json()) as { content: { sha: string } }).content.sha).toBe(hash(sent)); // one write only
  });

  test("`bodyIncludes` counts only requests whose body holds the text (one branch's writes)", async () => {
    await fault({ method: "POST", path: `${M}/contents/**`, bodyIncludes: '"branch":"held"', status: 503, times: 5 });
    const create = (file: string, branch: string) =>
      forge.api(`${M}/contents/${file}`, { method: "POST", body: JSON.stringify({ branch, new_branch: branch === "main" ? undefined : branch, content: "" }) });
    expect((await create("rfcs/other.md", "main")).status).toBe(201);
    expect((await create("rfcs/held.md", "held")).status).toBe(503);
    const [listed] = (await (await forge.admin("/faults")).json()) as { seen: number; fired: number }[];
    expect(listed).toMatchObject({ seen: 1, fired: 1 });
  });

  test("phase `after`: the write lands and its webhooks go out, but the caller gets the fault", async () => {
    await forge.flushWebhooks();
    const pushes = async () => ((await (await forge.admin("/deliveries?event=push")).json()) as { payload: { head_commit: { message: string } } }[]).length;
    const before = await pushes();
    await fault({ method: "POST", path: `${M}/contents/**`, status: 502, message: "response lost", phase: "after" });
    const res = await forge.api(`${M}/contents/rfcs/landed.md`, { method: "POST", body: JSON.stringify({ content: Buffer.from("landed\n").toString("base64"), message: "Landed" }) });
    expect([res.status, (await res.json()).message]).toEqual([502, "response lost"]);
    const file = await forge.api(`${M}/contents/rfcs/landed.md`);
    expect(file.status).toBe(200);
    expect((await (await forge.api(`${M}/branches/main`)).json()).commit.message).toBe("Landed\n");
    await forge.flushWebhooks();
    expect(await pushes()).toBe(before + 1);
    // A failure the handler answers itself (here 422: the file now exists) is not replaced.
    await fault({ method: "POST", path: `${M}/contents/**`, status: 502, phase: "after" });
    const again = await forge.api(`${M}/contents/rfcs/landed.md`, { method: "POST", body: JSON.stringify({ content: "" }) });
    expect(again.status).toBe(422);
  });

  test("admin routes need the site-admin token", async () => {
    const asBot = await fetch(`${forge.url}/_forge/requests`, { headers: { authorization: `token ${forge.botToken}` } });
    expect(asBot.status).toBe(403);
    expect((await fetch(`${forge.url}/_forge/requests`)).status).toBe(401);
  });

  test("the request log counts per route pattern and leaves admin requests out", async () => {
    await forge.admin("/requests/reset", { method: "POST" });
    await statuses(2);
    await forge.api(`${M}/branches/main`);
    await forge.api("/api/v1/nope");
    await forge.admin("/deliveries");
    const log = await (await forge.admin("/requests")).json();
    expect(log.total).toBe(4);
    expect(log.counts).toEqual({
      "GET /api/v1/repos/{owner}/{repo}": 2,
      "GET /api/v1/repos/{owner}/{repo}/branches/{branch*}": 1,
      "GET unmatched": 1,
    });
    expect(log.log.map((e: { path: string; status: number }) => `${e.status} ${e.path}`)).toEqual([
      `200 ${M}`,
      `200 ${M}`,
      `200 ${M}/branches/main`,
      "404 /api/v1/nope",
    ]);
    expect(log.log[0].ms).toEqual(expect.any(Number));
  });
});
