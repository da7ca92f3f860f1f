/**
 * The §6 permission matrix: every mutating route handler and every server
 * action, called in-process as each persona, against a real forge and a
 * fresh SQLite file. Personas (matrix/fixture.ts): reader (no session),
 * contributor (cora), branchCreator (bianca), rfcOwner (olive), arbiter
 * (arnold), admin (ada, promoted) and owner (carol, ADMIN_LOGINS).
 *
 * ADDING A ROW — a new route or action without one fails "covers every …":
 *  1. Find your key in the failure message: "POST /api/rfcs/[slug]/claim"
 *     for routes, "app/(catalog)/actions.ts#proposeIdeaAction" for actions.
 *  2. Add a row to the rows file of your area (matrix/rows-*.ts):
 *       { route: "POST /api/…", request: async (fx, as) => ({ params, body }),
 *         expect: allow(STEWARDS, 200) }
 *     `request`/`args` run once per persona, so make fresh state there
 *     (matrix/resources.ts has branches, PRs, changes, flags, drafts, ideas).
 *     `allow(list, ok)` gives 401 to the reader, `ok` to the list and 403 to
 *     the rest; spread and override single cells where the truth differs.
 *  3. Several rows per key are fine (`variant`); exemptions need a reason.
 * A new rows file goes into ROUTE_ROWS / ACTION_ROWS below.
 *
 * Server actions get the session through runWithCookieHeader (the seam in
 * lib/auth/session.ts); revalidatePath and next/headers are stubbed because
 * they need a Next request. Routes get a same-origin Origin header; a
 * cross-site one must get 403 `cross_site` from every route that takes a session.
 */
import { discoverActions, discoverRoutes, load, type Discovered } from "./matrix/discover";
import { PERSONAS, setupMatrixFixture, type Fixture } from "./matrix/fixture";
import { callAction, callRoute } from "./matrix/invoke";
import { aiRows } from "./matrix/rows-ai";
import { appActions, appRows, exemptions } from "./matrix/rows-app";
import { decideRows } from "./matrix/rows-decide";
import { lifecycleActions, lifecycleRows } from "./matrix/rows-lifecycle";
import { rfcViewRows } from "./matrix/rows-rfc-view";
import type { ActionRow, RouteRow } from "./matrix/table";

jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
jest.mock("next/headers", () => {
  const jar = new Map<string, string>();
  const store = { get: (n: string) => (jar.has(n) ? { name: n, value: jar.get(n) } : undefined), getAll: () => [], has: (n: string) => jar.has(n), set: (n: string, v: string) => jar.set(n, v), delete: (n: string) => jar.delete(n) };
  return { cookies: async () => store, headers: async () => new Headers() };
});

const ROUTE_ROWS: RouteRow[] = [...rfcViewRows, ...aiRows, ...lifecycleRows, ...decideRows, ...appRows];
const ACTION_ROWS: ActionRow[] = [...lifecycleActions, ...appActions];
const NO_SESSION_ROUTES = new Set(["POST /api/webhooks/gitea"]); // signed by Gitea, not by a session

let fx: Fixture;
let routes: Discovered[];
let actions: Discovered[];

beforeAll(async () => {
  fx = await setupMatrixFixture();
  [routes, actions] = await Promise.all([discoverRoutes(), discoverActions()]);
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

const exempt = new Set(exemptions.map((e) => e.key));
const pathOf = (route: string, params: Record<string, string>) =>
  route.split(" ")[1].replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? name));

describe("the matrix covers the code", () => {
  test("covers every mutating route handler (add a row in matrix/rows-*.ts)", () => {
    const missing = routes.map((r) => r.key).filter((k) => !exempt.has(k) && !ROUTE_ROWS.some((row) => row.route === k));
    expect(missing).toEqual([]);
  });
  test("covers every server action (add a row in matrix/rows-*.ts)", () => {
    const missing = actions.map((a) => a.key).filter((k) => !exempt.has(k) && !ACTION_ROWS.some((row) => row.action === k));
    expect(missing).toEqual([]);
  });
  test("has no rows for routes or actions that no longer exist", () => {
    const known = new Set([...routes, ...actions].map((d) => d.key));
    const stale = [...ROUTE_ROWS.map((r) => r.route), ...ACTION_ROWS.map((r) => r.action), ...exempt].filter((k) => !known.has(k));
    expect(stale).toEqual([]);
  });
});

describe.each(ROUTE_ROWS.map((row) => [`${row.route}${row.variant ? ` (${row.variant})` : ""}`, row] as const))("%s", (_name, row) => {
  test.each([...PERSONAS])("as %s", async (as) => {
    const found = routes.find((r) => r.key === row.route);
    if (!found) throw new Error(`${row.route} does not exist`);
    const { params, body, headers } = await row.request(fx, as);
    const handler = (await load(found)) as Parameters<typeof callRoute>[0];
    const [method] = row.route.split(" ");
    const res = await callRoute(handler, { method, path: pathOf(row.route, params), params, body, headers, cookie: await fx.cookie(as) });
    expect({ as, status: res.status, body: res.status === row.expect[as] ? "…" : res.body }).toEqual({ as, status: row.expect[as], body: "…" });
  });

  if (!NO_SESSION_ROUTES.has(row.route) && !row.variant)
    test("refuses a cross-site request with the owner's session (403 cross_site)", async () => {
      const found = routes.find((r) => r.key === row.route)!;
      const handler = (await load(found)) as Parameters<typeof callRoute>[0];
      const params = { slug: "x", branch: "x", number: "1", changeId: "x", flagId: "x", threadId: "x" };
      const res = await callRoute(handler, { method: row.route.split(" ")[0], path: pathOf(row.route, params), params, body: {}, cookie: await fx.cookie("owner"), origin: "https://evil.example" });
      expect(res).toEqual({ status: 403, body: { error: { code: "cross_site", message: expect.any(String) } } });
    });
});

describe.each(ACTION_ROWS.map((row) => [`${row.action}${row.variant ? ` (${row.variant})` : ""}`, row] as const))("%s", (_name, row) => {
  test.each([...PERSONAS])("as %s", async (as) => {
    const found = actions.find((a) => a.key === row.action);
    if (!found) throw new Error(`${row.action} does not exist`);
    const res = await callAction(await load(found), await row.args(fx, as), await fx.cookie(as));
    expect({ as, status: res.status, body: res.status === row.expect[as] ? "…" : res.body }).toEqual({ as, status: row.expect[as], body: "…" });
  });
});
