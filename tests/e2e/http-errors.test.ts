import { e2eInfo } from "./harness/info";

// Issue 12 "every error JSON, every refusal the right code", against
// `next start` (middleware.ts and Next's own routing run only there): what
// Next answered with HTML pages or a 500 is a JSON error with its status.
// Plus the Content-Security-Policy every page carries (nonce per response).

jest.setTimeout(120_000);

type Case = { input: string; method?: string; headers?: Record<string, string>; status: number; code: string };

const evil = { origin: "https://evil.example", "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8" };

const cases: Case[] = [
  { input: "/api/rfcs/%", status: 400, code: "bad_request" },
  { input: "/api/rfcs/%ff", status: 400, code: "bad_request" },
  { input: "/api/rfcs/%zz", status: 400, code: "bad_request" },
  { input: "/api/rfcs/x/branches/%E0%A4%A", status: 400, code: "bad_request" },
  { input: "/api/rfcs/x%00y", status: 400, code: "bad_request" },
  { input: "/rfcs/%zz", status: 400, code: "bad_request" },
  { input: "/rfcs/%", status: 400, code: "bad_request" },
  { input: "/api/no-such-route", status: 404, code: "not_found" },
  { input: "/api/no-such-route", method: "POST", status: 404, code: "not_found" },
  { input: "/api/rfcs/some-slug/no/such/route", method: "DELETE", status: 404, code: "not_found" },
  { input: "/api/rfcs/no-such-rfc", status: 404, code: "not_found" },
  { input: "/", method: "POST", headers: evil, status: 403, code: "cross_site" },
  { input: "/admin", method: "POST", headers: { ...evil, origin: "null" }, status: 403, code: "cross_site" },
  { input: "/", method: "POST", headers: { ...evil, origin: "http://127.0.0.1.evil.example" }, status: 403, code: "cross_site" },
];

test.each(cases)("$method $input → $status $code", async ({ input, method = "GET", headers, status, code }) => {
  const res = await fetch(`${e2eInfo().appUrl}${input}`, { method, headers, body: method === "POST" ? "[]" : undefined, redirect: "manual" });
  const text = await res.text();
  expect({ status: res.status, type: res.headers.get("content-type"), body: safeJson(text) }).toEqual({
    status,
    type: expect.stringContaining("application/json"),
    body: { error: { code, message: expect.any(String) } },
  });
});

test.each([
  { input: "/api/rfcs", method: "DELETE", allow: "GET, HEAD, OPTIONS" },
  { input: "/api/rfcs/some-slug/prs/1/merge", method: "GET", allow: "OPTIONS, POST" },
  { input: "/api/rfcs/some-slug/branches/a%2Fb", method: "POST", allow: "DELETE, OPTIONS, PATCH" },
])("$method $input → 405 JSON with Allow: $allow (Next's own 405 is empty)", async ({ input, method, allow }) => {
  const res = await fetch(`${e2eInfo().appUrl}${input}`, { method, redirect: "manual" });
  expect({ status: res.status, allow: res.headers.get("allow"), body: safeJson(await res.text()) }).toEqual({
    status: 405,
    allow,
    body: { error: { code: "method_not_allowed", message: `${method} is not supported here; this endpoint answers ${allow}` } },
  });
});

test("a server action from the app's own origin is not refused as cross-site", async () => {
  const { appUrl } = e2eInfo();
  const res = await fetch(`${appUrl}/`, { method: "POST", headers: { ...evil, origin: new URL(appUrl).origin }, body: "[]" });
  expect(res.status).not.toBe(403);
});

test("pages carry a Content-Security-Policy with a fresh nonce, and Next's scripts carry it", async () => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${e2eInfo().appUrl}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
    nonces.push(nonce!);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 200);
  }
}
