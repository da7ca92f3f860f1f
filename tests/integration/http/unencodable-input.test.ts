/**
 * Issue 12 "text that cannot break anything": a lone surrogate (or a NUL) in
 * any text field of any mutating route or server action is refused with a
 * 400 naming the field — never a 500, never stored. The cases are generated
 * from the permission matrix's rows (one valid request per route and action,
 * tests/integration/auth/matrix): every string in a row's body, every route
 * param and every form field is spoiled in turn. A route that reads its input
 * through readJson / decodeParam / readQuery / readForm gets this for free.
 */
import { GET as flagsGet } from "@/app/api/rfcs/[slug]/flags/route";
import { GET as graduateCheckGet } from "@/app/api/rfcs/[slug]/graduate/check/route";
import { discoverActions, discoverRoutes, load, type Discovered } from "../auth/matrix/discover";
import { DRAFT, setupMatrixFixture, type Fixture } from "../auth/matrix/fixture";
import { callAction, callRoute } from "../auth/matrix/invoke";
import { aiRows } from "../auth/matrix/rows-ai";
import { appActions, appRows } from "../auth/matrix/rows-app";
import { decideRows } from "../auth/matrix/rows-decide";
import { lifecycleActions, lifecycleRows } from "../auth/matrix/rows-lifecycle";
import { rfcViewRows } from "../auth/matrix/rows-rfc-view";

jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
jest.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }), headers: async () => new Headers() }));

const LONE = "\ud800";
const NO_SESSION = new Set(["POST /api/webhooks/gitea"]); // signed by Gitea; the body is never stored

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

/** Every string leaf of a JSON value, as a path. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, String(i)]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}
function spoil(value: unknown, path: string[], tail: string): unknown {
  if (!path.length) return `${value as string}${tail}`;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[path[0]] = spoil(copy[path[0]], path.slice(1), tail);
  return copy;
}
const pathOf = (route: string, params: Record<string, string>) =>
  route.split(" ")[1].replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? name));

// The test clock is absent (404) outside the e2e build: there is nothing to read.
const routeRows = [...rfcViewRows, ...aiRows, ...lifecycleRows, ...decideRows, ...appRows].filter((r) => !NO_SESSION.has(r.route) && r.route !== "POST /api/test/clock");

test.each(routeRows.map((row) => [`${row.route}${row.variant ? ` (${row.variant})` : ""}`, row] as const))(
  "%s: a lone surrogate in any field or param → 400 naming it",
  async (_name, row) => {
    const found = routes.find((r) => r.key === row.route)!;
    const handler = (await load(found)) as Parameters<typeof callRoute>[0];
    const [method] = row.route.split(" ");
    const cookie = await fx.cookie("owner");
    // One valid request per row: every spoiled copy is refused before anything changes.
    const { params, body, headers } = await row.request(fx, "owner");
    const cases = [
      ...stringPaths(body ?? {}).map((p) => ({ field: p.join("."), params, body: spoil(body, p, LONE) })),
      ...Object.keys(params).map((k) => ({ field: k, params: { ...params, [k]: `${params[k]}${LONE}` }, body })),
    ];
    expect(cases.length).toBeGreaterThan(0);
    const outcomes = [];
    for (const c of cases) {
      const res = await callRoute(handler, { method, path: pathOf(row.route, params), params: c.params, body: c.body ?? {}, headers, cookie });
      outcomes.push({ field: c.field, status: res.status, body: res.body });
    }
    const expected = cases.map((c) => ({
      field: c.field,
      status: 400,
      body: { error: { code: "bad_request", message: expect.stringMatching(new RegExp(`^${c.field.replace(/\./g, "\\.")}: contains a lone surrogate`)), details: { field: c.field } } },
    }));
    if (body !== undefined) {
      // The same text as raw bytes (CESU-8, not UTF-8): the body does not decode.
      const res = await handler(
        new Request(`${process.env.NEXTAUTH_URL}${pathOf(row.route, params)}`, {
          method,
          headers: { ...headers, origin: new URL(process.env.NEXTAUTH_URL!).origin, cookie, "content-type": "application/json" },
          body: new Uint8Array([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // {"b":"\xed\xa0\x80"}
        }),
        { params: Promise.resolve(params) },
      );
      outcomes.push({ field: "(raw body)", status: res.status, body: await res.json() });
      expected.push({ field: "(raw body)", status: 400, body: { error: { code: "bad_request", message: "The request body is not valid UTF-8" } } } as (typeof expected)[number]);
    }
    expect(outcomes).toEqual(expected);
  },
);

test.each([...lifecycleActions, ...appActions].map((row) => [`${row.action}${row.variant ? ` (${row.variant})` : ""}`, row] as const))(
  "%s: a NUL in any form field → 400 naming it; a non-form argument → 400",
  async (_name, row) => {
    const found = actions.find((a) => a.key === row.action)!;
    const action = await load(found);
    const cookie = await fx.cookie("owner");
    const args = await row.args(fx, "owner");
    const formAt = args.findIndex((a) => a instanceof FormData);
    if (formAt < 0) return expect(args.every((a) => typeof a !== "string")).toBe(true); // sign-out takes no input
    const form = args[formAt] as FormData;
    const fields = [...form.keys()];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      const spoiled = new FormData();
      for (const [k, v] of form.entries()) spoiled.set(k, k === field ? `${v as string}\u0000` : v);
      const res = await callAction(action, args.map((a, i) => (i === formAt ? spoiled : a)), cookie);
      expect({ field, status: res.status, fieldErrors: (res.body as { fieldErrors?: unknown }).fieldErrors }).toEqual({ field, status: 400, fieldErrors: { [field]: expect.stringContaining("NUL") } });
    }
    const crafted = await callAction(action, args.map((a, i) => (i === formAt ? { [fields[0]]: `x${LONE}` } : a)), cookie);
    expect(crafted.status).toBe(400);
  },
);

test.each([
  ["GET /api/rfcs/[slug]/flags?status=", flagsGet, "status"],
  ["GET /api/rfcs/[slug]/graduate/check?id=", graduateCheckGet, "id"],
] as const)("%s with a NUL → 400 naming the query field", async (_name, handler, field) => {
  const res = await callRoute(handler as Parameters<typeof callRoute>[0], { method: "GET", path: `/api/rfcs/${DRAFT}/x?${field}=a%00b`, params: { slug: DRAFT }, cookie: await fx.cookie("owner") });
  expect(res).toEqual({ status: 400, body: { error: { code: "bad_request", message: `${field}: contains a NUL character at position 1`, details: { field } } } });
});
