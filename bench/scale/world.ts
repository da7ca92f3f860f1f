import { execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { appEnvFor, bootstrapForge, type BootstrapResult } from "@/forge/bootstrap";
import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureBuild } from "@/tests/e2e/harness/build";
import { freePort, startApp, stopApp } from "@/tests/e2e/harness/app-server";
import { releaseBuild } from "@/tests/e2e/harness/build-store";
import { startOpenAiTestServer, type OpenAiTestServer } from "@/tests/helpers/openai-server";
import { spawnForge } from "../world";
import { waitUntil } from "@/tests/helpers/wait";
import { benchAiReply, BENCH_AI_MODEL } from "./fake-ai";
import { ms } from "./http";
import type { SeededRfc } from "./seed";

// The world `npm run bench -- targets` measures (issue 15): a production
// build (`next build` into .next-e2e/builds/<hash>, shared with the browser
// tests) served by `next start`, the local forge in its own process with
// real Git repos, a fresh migrated SQLite file, and the OpenAI-compatible
// test server as the AI. The bench process itself writes to the forge
// through the app's bot code (seeding) and reads the database file only to
// see when a change has reached the cache.

const ROOT = path.resolve(__dirname, "../..");

export type ScaleWorld = {
  appUrl: string;
  forgeUrl: string;
  boot: BootstrapResult;
  webhookSecret: string;
  bot: BotActor;
  /** The app's process group id (next start and what it spawned): for RSS and CPU time. */
  appPid(): number;
  restartApp(): Promise<void>;
  forgeAdmin(pathname: string, init?: RequestInit): Promise<Response>;
  adminPost(pathname: string, body?: unknown): Promise<void>;
  /** The forge's request counter by route since the last reset. */
  forgeRequests(): Promise<{ total: number; counts: Record<string, number> }>;
  /** A session cookie for a demo user, signed in through the forge's OAuth grant as next-auth would. */
  sessionCookie(login: string): Promise<string>;
  close(): Promise<void>;
};

export async function startScaleWorld(): Promise<ScaleWorld> {
  // The build first: it takes minutes on a busy machine, and idle connections to the forge would go stale meanwhile.
  const { distDir } = await ensureBuild(ROOT, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-bench-scale-"));
  const dbUrl = `file:${path.join(dir, "app.db")}`;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: dbUrl }, stdio: "ignore" });
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const adminToken = randomBytes(20).toString("hex");
  const forge: { child: ChildProcess; url: string } = await spawnForge(path.join(dir, "forge"), adminToken);
  const webhookSecret = randomBytes(16).toString("hex");
  const boot = await bootstrapForge({ url: forge.url, adminToken, appUrl, webhookSecret, demoUsers: true });
  const ai: OpenAiTestServer = await startOpenAiTestServer({ script: benchAiReply, unref: true });
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: dbUrl,
    ...appEnvFor({ ...boot, url: forge.url, webhookSecret }),
    GITEA_PUBLIC_URL: forge.url,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    ADMIN_LOGINS: "carol",
    // No interval sweep while measuring: the startup sweep fills the cache, webhooks keep it.
    RECONCILE_INTERVAL_S: "86400",
    AI_COMPAT_BASE_URL: ai.baseURL,
    AI_COMPAT_API_KEY: "bench",
    AI_COMPAT_NAME: "bench",
    AI_MODELS: BENCH_AI_MODEL,
    AI_RATE_PER_MIN: "1000000",
    // A 20 KB reply in one-byte chunks must finish to be measured; the whole-reply timeout is issue 15 item 5's.
    AI_TIMEOUT_S: "900",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env); // the bench's own lib/ calls (seeding) use the same forge and database
  let app: { pid: number } | null = null;
  const launch = async () => {
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": the app's own node flags (a profile is written when it stops).
    const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(/\s+/).filter(Boolean);
    app = await startApp({ root: ROOT, distDir, port, env: { ...process.env, ...env }, logFile: path.join(dir, "next-start.log"), nodeArgs });
  };
  const forgeAdmin = (p: string, init: RequestInit = {}) =>
    fetch(`${forge.url}/_forge${p}`, { ...init, headers: { authorization: `token ${adminToken}`, "content-type": "application/json" } });
  const carol = await db().user.upsert({ where: { login: "carol" }, update: {}, create: { giteaId: boot.users.carol.id, login: "carol", name: "Carol Chen" } });
  const cookies = new Map<string, string>();

  return {
    appUrl,
    forgeUrl: forge.url,
    boot,
    webhookSecret,
    bot: actorFrom(carol),
    appPid: () => {
      if (!app) throw new Error("the app is not running");
      return app.pid;
    },
    async restartApp() {
      if (app) await stopApp(app.pid);
      await launch();
    },
    forgeAdmin,
    async adminPost(p, body) {
      const res = await forgeAdmin(p, { method: "POST", ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      if (!res.ok) throw new Error(`POST /_forge${p} → ${res.status}`);
    },
    forgeRequests: async () => (await (await forgeAdmin("/requests")).json()) as { total: number; counts: Record<string, number> },
    async sessionCookie(login) {
      const known = cookies.get(login);
      if (known) return known;
      const tokens = await oauthTokens(forge.url, appUrl, boot, login);
      const giteaId = boot.users[login].id;
      const user = await db().user.upsert({ where: { login }, update: {}, create: { giteaId, login, name: login } });
      const jwt = await encode({
        token: { uid: user.id, login, name: login, giteaToken: tokens.access_token, giteaRefreshToken: tokens.refresh_token, giteaTokenExpiresAt: Math.floor(Date.now() / 1000) + tokens.expires_in },
        secret: env.NEXTAUTH_SECRET,
      });
      const cookie = `next-auth.session-token=${jwt}`;
      cookies.set(login, cookie);
      return cookie;
    },
    async close() {
      if (app) await stopApp(app.pid);
      releaseBuild(ROOT, distDir);
      await ai.close();
      forge.child.kill("SIGTERM");
      await new Promise((r) => forge.child.once("exit", r));
      await disconnectDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Gitea's authorization-code grant with PKCE, as next-auth runs it (tests/integration/auth/oauth-flow.ts). */
export async function oauthTokens(forgeUrl: string, appUrl: string, boot: BootstrapResult, login: string) {
  const verifier = randomBytes(32).toString("base64url");
  const fields = {
    client_id: boot.oauthClientId,
    redirect_uri: `${appUrl}/api/auth/callback/gitea`,
    response_type: "code",
    state: randomBytes(8).toString("hex"),
    scope: "read:user",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  };
  const granted = await fetch(`${forgeUrl}/login/oauth/grant`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...fields, user: login }), redirect: "manual" });
  const code = new URL(granted.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (!code) throw new Error(`the forge granted no code for ${login} (${granted.status})`);
  const res = await fetch(`${forgeUrl}/login/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: fields.redirect_uri, code_verifier: verifier, client_id: boot.oauthClientId, client_secret: boot.oauthClientSecret }),
  });
  if (!res.ok) throw new Error(`token exchange for ${login}: ${res.status}`);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

/** Starts (or restarts) the app and waits until its startup sweep has put every RFC in the cache. */
export async function startAndFill(w: ScaleWorld, seeded: SeededRfc[]): Promise<void> {
  const t0 = performance.now();
  await w.restartApp();
  const graduated = seeded.filter((s) => s.repo).length;
  await waitUntil(
    async () => {
      const [rfcs, withText, sweep] = await Promise.all([
        db().cachedRfc.count({ where: { invalidReason: null } }),
        db().cachedRfc.count({ where: { repo: { not: null }, mainHeadSha: { not: null } } }),
        db().sweepRun.findFirst({ where: { trigger: "startup" }, orderBy: { id: "desc" }, select: { finishedAt: true } }),
      ]);
      return rfcs >= seeded.length + 3 && withText >= graduated && !!sweep?.finishedAt;
    },
    { timeoutMs: 60 * 60_000, intervalMs: 1000, what: `${seeded.length} RFCs in the cache` },
  );
  console.log(`  app started and its startup sweep filled the cache in ${ms(performance.now() - t0)}`);
}
