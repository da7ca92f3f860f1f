import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { runWithCookieHeader } from "@/lib/auth/session";
import { withMutation } from "@/lib/http/mutation";
import { config as middlewareConfig, middleware } from "@/middleware";
import { GET as signinRequired } from "@/app/signin/required/route";
import AdminPage from "@/app/admin/page";
import { POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { useAppEnv as applyAppEnv } from "../../helpers/app-env";
import { createTestDatabase } from "../../helpers/db";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { ensureUser, sessionCookieFor } from "../../helpers/session";

// Issue 4: a missing, tampered or expired session cookie is "signed out":
// 401 JSON from an API route, a redirect to sign-in from a page — never a 500.

jest.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-quorum-path": "/admin" }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));

let forge: TestForge;
let database: ReturnType<typeof createTestDatabase>;
beforeAll(async () => {
  forge = await startTestForge();
  applyAppEnv(forge);
  database = createTestDatabase();
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"; // what next.config's authInterrupts sets in a build
});
afterAll(async () => {
  await database?.close();
  await forge?.stop();
});

const valid = () => sessionCookieFor({ login: "alice" });
const tampered = async () => {
  const cookie = await valid();
  const i = cookie.length - 10;
  return `${cookie.slice(0, i)}${cookie[i] === "A" ? "B" : "A"}${cookie.slice(i + 1)}`;
};
const expired = () => sessionCookieFor({ login: "alice" }, { maxAgeS: -60 });
const otherSecret = async () => {
  const user = await ensureUser({ login: "alice" });
  return `next-auth.session-token=${await encode({ token: { uid: user.id, login: "alice" }, secret: "another-secret-another-secret!!" })}`;
};
const CASES: [string, () => Promise<string>][] = [
  ["no", async () => ""],
  ["a tampered", tampered],
  ["an expired", expired],
  ["another secret's", otherSecret],
  ["a malformed", async () => "next-auth.session-token=%%%not-a-jwt"],
];

const echo = withMutation(async (_req, _ctx, user) => Response.json({ login: user.login }));
const post = (cookie: string) =>
  new Request(`${process.env.NEXTAUTH_URL}/api/x`, { method: "POST", headers: { origin: new URL(process.env.NEXTAUTH_URL!).origin, ...(cookie ? { cookie } : {}) }, body: "{}" });

test("a valid session passes withMutation", async () => {
  const res = await echo(post(await valid()), { params: Promise.resolve({}) });
  expect(await res.json()).toEqual({ login: "alice" });
});

test.each(CASES)("%s session cookie gets 401 JSON from an API route", async (_name, make) => {
  const cookie = await make();
  for (const res of [await echo(post(cookie), { params: Promise.resolve({}) }), await cutBranch(post(cookie), { params: Promise.resolve({ slug: "any" }) })]) {
    expect(res.status).toBe(401);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "Sign in first" } });
  }
});

const digestOf = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return "rendered";
  } catch (err) {
    return String((err as { digest?: string }).digest ?? err);
  }
};

test.each(CASES)("%s session cookie sends a page visitor to sign-in with the way back", async (name, make) => {
  const cookie = await make();
  const digest = await digestOf(() => runWithCookieHeader(cookie, () => AdminPage()));
  const stale = name === "no" ? "" : "&error=SessionExpired";
  expect(digest).toMatch(new RegExp(`^NEXT_REDIRECT;replace;/signin\\?callbackUrl=%2Fadmin${stale.replace("?", "\\?")};307;`));
});

test("a signed-in contributor gets 403 from the admin page, the owner gets the page", async () => {
  const alice = await valid();
  const carol = await sessionCookieFor({ login: "carol" });
  expect(await digestOf(() => runWithCookieHeader(alice, () => AdminPage()))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  expect(await digestOf(() => runWithCookieHeader(carol, () => AdminPage()))).toBe("rendered");
});

describe("middleware (cookie presence only, Edge)", () => {
  const at = (path: string, init: { cookie?: string; method?: string } = {}) =>
    middleware(new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers: init.cookie ? { cookie: init.cookie } : {} }));

  test("a signed-out visit of a signed-in-only page goes to sign-in with the return URL", () => {
    const rewrite = at("/admin?tab=users").headers.get("x-middleware-rewrite") ?? "";
    expect(new URL(rewrite).pathname).toBe("/signin/required");
    expect(new URL(rewrite).searchParams.get("callbackUrl")).toBe("/admin?tab=users");
  });
  test("with a session cookie, or for other pages or a server action's POST, the request goes on", () => {
    for (const res of [at("/admin", { cookie: "next-auth.session-token=x" }), at("/"), at("/admin", { method: "POST" })]) {
      expect(res.headers.get("x-middleware-rewrite")).toBeNull();
      expect(res.headers.get("x-middleware-next")).toBe("1");
    }
  });
  test("API routes pass through untouched: they answer 401/403 JSON themselves", () => {
    expect(middlewareConfig.matcher[0]).not.toContain("api/"); // matched, for the path-decoding check (issue 12)
    for (const res of [at("/api/admin"), at("/api/rfcs/x/claim", { method: "POST" })]) {
      expect(res.headers.get("x-middleware-rewrite")).toBeNull();
      expect(res.headers.get("x-middleware-next")).toBe("1");
      expect(res.headers.get("content-security-policy")).toBeNull();
    }
  });
  test.each([
    ["/admin", "/signin?callbackUrl=%2Fadmin"],
    ["//evil.example/x", "/signin?callbackUrl=%2F"],
    ["https://evil.example/x", "/signin?callbackUrl=%2F"],
  ])("/signin/required?callbackUrl=%s redirects to %s (relative: the browser keeps its host)", (back, location) => {
    const res = signinRequired(new Request(`http://localhost:3000/signin/required?callbackUrl=${encodeURIComponent(back)}`));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(location);
  });
});
