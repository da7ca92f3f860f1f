import { safeCallbackPath } from "@/lib/auth/callback-url";
import { AppError } from "@/lib/http/errors";
import { assertSameOrigin, isSameOrigin } from "@/lib/http/same-origin";

// Issue 4 "cross-site requests" and the sign-in return URL: tables of
// inputs and what comes out (STYLE.md "Tests").

beforeAll(() => {
  Object.assign(process.env, {
    GITEA_URL: "http://127.0.0.1:3001",
    GITEA_BOT_USER: "bot",
    GITEA_BOT_TOKEN: "token",
    GITEA_OAUTH_CLIENT_ID: "id",
    GITEA_OAUTH_CLIENT_SECRET: "secret",
    WEBHOOK_SECRET: "webhook-secret",
    NEXTAUTH_URL: "https://quorum.example/",
    NEXTAUTH_SECRET: "a-secret-of-sixteen-chars",
  });
});

const req = (headers: Record<string, string>) => new Request("https://quorum.example/api/x", { method: "POST", headers });

test.each([
  [{ origin: "https://quorum.example" }, true],
  [{ origin: "https://quorum.example", "sec-fetch-site": "cross-site" }, true], // Origin decides when present
  [{ origin: "https://evil.example" }, false],
  [{ origin: "http://quorum.example" }, false], // another scheme is another origin
  [{ origin: "https://quorum.example:8443" }, false],
  [{ origin: "null" }, false], // sandboxed frames, data: URLs
  [{ "sec-fetch-site": "same-origin" }, true],
  [{ "sec-fetch-site": "same-site" }, false],
  [{ "sec-fetch-site": "cross-site" }, false],
  [{ "sec-fetch-site": "none" }, false],
  [{}, false], // neither header: not from one of our pages
])("%j → same-origin %s", (headers, ok) => {
  expect(isSameOrigin(req(headers))).toBe(ok);
});

test("assertSameOrigin throws 403 cross_site", () => {
  try {
    assertSameOrigin(req({ origin: "https://evil.example" }));
    throw new Error("not thrown");
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "cross_site", status: 403 });
  }
});

test.each([
  [undefined, "/"],
  ["", "/"],
  ["/rfcs/retry?branch=a#x", "/rfcs/retry?branch=a#x"],
  ["https://quorum.example/admin", "/admin"],
  ["https://evil.example/admin", "/"],
  ["//evil.example", "/"],
  ["/\\evil.example", "/"],
  ["javascript:alert(1)", "/"],
  ["/signin?callbackUrl=/admin", "/"], // would loop
  ["/signin/required?callbackUrl=/admin", "/"], // would loop too: it redirects to the sign-in page
  ["/api/auth/signout", "/"],
])("callbackUrl %j → %s", (raw, path) => {
  expect(safeCallbackPath(raw, "https://quorum.example")).toBe(path);
});
