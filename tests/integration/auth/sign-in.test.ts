import { authOptions, claimsForSignIn } from "@/lib/auth/options";
import { decodeSessionToken, getRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { encode } from "next-auth/jwt";
import { useAppEnv as applyAppEnv } from "../../helpers/app-env";
import { createTestDatabase } from "../../helpers/db";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { giteaProfile, oauthTokensFor } from "./oauth-flow";

// Sign-in's server side (§1): what next-auth's jwt callback does with
// Gitea's answer — the users row and the session claims — against the real
// OAuth provider of the local forge. The browser half is tests/e2e/signin.test.ts.

let forge: TestForge;
let database: ReturnType<typeof createTestDatabase>;
beforeAll(async () => {
  forge = await startTestForge();
  applyAppEnv(forge);
  database = createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await forge?.stop();
});

async function signInAs(login: string) {
  const tokens = await oauthTokensFor(forge, login);
  const profile = await giteaProfile(forge, tokens.access_token);
  const expiresAt = Math.floor(Date.now() / 1000) + tokens.expires_in;
  return { tokens, profile, claims: await claimsForSignIn(profile, { ...tokens, expires_at: expiresAt }) };
}

test("signing in upserts the users row from Gitea's profile and puts uid, login and the Gitea token in the JWT", async () => {
  const { tokens, profile, claims } = await signInAs("alice");
  const p = profile as { id: number; login: string; full_name: string; email: string; avatar_url: string };
  const row = await db().user.findUniqueOrThrow({ where: { login: "alice" } });
  expect(row).toMatchObject({ giteaId: p.id, login: "alice", name: p.full_name, email: p.email, avatarUrl: p.avatar_url, role: "contributor" });
  expect(claims).toMatchObject({ uid: row.id, login: "alice", giteaToken: tokens.access_token, giteaRefreshToken: tokens.refresh_token });
  // A second sign-in updates the same row (keyed by Gitea's id).
  const again = await signInAs("alice");
  expect(again.claims.uid).toBe(row.id);
  expect(await db().user.count({ where: { login: "alice" } })).toBe(1);
});

test("the JWT next-auth writes carries the claims session.ts reads, and the browser's session never sees the token", async () => {
  const { profile, tokens } = await signInAs("bob");
  const { callbacks, secret } = authOptions();
  const account = { ...tokens, provider: "gitea", type: "oauth" as const, providerAccountId: "x", expires_at: Math.floor(Date.now() / 1000) + 3600 };
  const jwt = await callbacks!.jwt!({ token: { name: "Bob" }, account, profile: profile as never, user: { id: "x" }, trigger: "signIn" });
  const cookie = `next-auth.session-token=${await encode({ token: jwt, secret: secret! })}`;
  expect((await decodeSessionToken(cookie.split("=")[1]))?.login).toBe("bob");
  const user = await getRequestUser(new Request("http://app/", { headers: { cookie } }));
  expect(user).toMatchObject({ login: "bob", name: "Bob Baker", role: "contributor" });
  const session = await callbacks!.session!({ session: { expires: "", user: { name: "Bob" } }, token: jwt, user: undefined as never, newSession: undefined, trigger: "update" });
  expect(JSON.stringify(session)).not.toContain(tokens.access_token);
});

test("carol is the owner through ADMIN_LOGINS, the others are contributors (§1)", async () => {
  const { claims } = await signInAs("carol");
  const cookie = `next-auth.session-token=${await encode({ token: { ...claims }, secret: authOptions().secret! })}`;
  expect((await getRequestUser(new Request("http://app/", { headers: { cookie } })))?.role).toBe("owner");
});

test.each([
  ["/admin", "/admin"],
  ["http://127.0.0.1:9/rfcs/x?b=1", "/rfcs/x?b=1"],
  ["https://evil.example/steal", "/"],
  ["//evil.example/steal", "/"],
  ["/\\evil.example", "/"],
  ["javascript:alert(1)", "/"],
])("after sign-in, %s leads to %s on this app only", async (url, path) => {
  const baseUrl = "http://127.0.0.1:9";
  expect(await authOptions().callbacks!.redirect!({ url, baseUrl })).toBe(`${baseUrl}${path}`);
});
