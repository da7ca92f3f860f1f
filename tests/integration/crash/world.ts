import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { appEnvFor } from "@/forge/bootstrap";
import { claimsForSignIn } from "@/lib/auth/options";
import { ensureBuild } from "../../e2e/harness/build";
import { releaseBuild } from "../../e2e/harness/build-store";
import { freePort, startApp } from "../../e2e/harness/app-server";
import { INFO_ENV } from "../../e2e/harness/info";
import { useAppEnv as pointAppAt } from "../../helpers/app-env";
import { createTestDatabase } from "../../helpers/db";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { waitUntil } from "../../helpers/wait";
import { giteaProfile, oauthTokensFor } from "../auth/oauth-flow";

// The crash tests' world (issue 12 item 6): a fresh forge and SQLite file,
// and the app itself as a real child process — `next start` of the
// production build the browser tests use (tests/e2e/harness: in `npm test`
// the e2e global setup has built it, and the same sources reuse it; alone,
// this suite builds it once) — that a test kills with SIGKILL, either from
// inside at a named crash point (QUORUM_TEST_CRASH_AT, honoured with
// QUORUM_TEST_HOOKS=1) or from outside, and starts again on the same forge
// and database.

const root = path.resolve(__dirname, "../../..");

export type CrashWorld = Awaited<ReturnType<typeof startCrashWorld>>;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** What `next build` needs to pass the app's config check: no value is used by the build itself. */
const BUILD_ENV = {
  ...appEnvFor({ url: "http://127.0.0.1:9", botUser: "bot", botToken: "unused", org: "rfcs", metaRepo: "meta", oauthClientId: "unused", oauthClientSecret: "unused", webhookSecret: "unused-at-build" }),
  NEXTAUTH_URL: "http://127.0.0.1:9",
  NEXTAUTH_SECRET: "unused-at-build-time",
};

export async function startCrashWorld(extraEnv: Record<string, string> = {}) {
  const database = createTestDatabase();
  // The build before the forge: this process waits for `next build` without
  // serving anything (spawnSync), and a forge in it would come back with
  // kept-alive connections gone stale — the next request fails.
  const { distDir } = await ensureBuild(root, { ...process.env, ...BUILD_ENV, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: database.url });
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const forge: TestForge = await startTestForge({ appUrl });
  pointAppAt(forge, { NEXTAUTH_URL: appUrl, ...extraEnv });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: database.url };
  const logDir = mkdtempSync(path.join(os.tmpdir(), "quorum-crash-"));
  let pid: number | null = null;
  let armed: string | null = null;
  let runs = 0;

  const world = {
    forge,
    appUrl,
    /** The app's log of the current run, for a failing test's message. */
    log: () => (runs === 0 ? "" : readFileSync(path.join(logDir, `run-${runs}.log`), "utf8").slice(-4000)),

    /** Starts the app, to die at `crashAt` when given; resolves once it answers /api/health. */
    async start(crashAt: string | null = null): Promise<void> {
      if (pid !== null) throw new Error("the app is already running");
      runs++;
      const crash: Record<string, string> = crashAt ? { QUORUM_TEST_HOOKS: "1", QUORUM_TEST_CRASH_AT: crashAt } : {};
      const app = await startApp({ root, distDir, port, env: { ...env, ...crash }, logFile: path.join(logDir, `run-${runs}.log`) });
      pid = app.pid;
      armed = crashAt;
    },

    /**
     * The app running and armed at `crashAt` (null: any point or none will do,
     * for a test that kills it from outside): the running one when it fits,
     * else started again — a test left by a failed one starts from a known state.
     */
    async ensure(crashAt: string | null): Promise<void> {
      if (pid !== null && alive(-pid) && (crashAt === null || armed === crashAt)) return;
      await this.kill();
      await this.start(crashAt);
    },

    /** Waits until the app's process group is gone (it killed itself at its crash point). */
    async died(what: string): Promise<void> {
      const group = pid;
      if (group === null) throw new Error("the app is not running");
      await waitUntil(() => !alive(-group), { timeoutMs: 60_000, intervalMs: 50, what: `the app to die at ${what}` });
      pid = null;
    },

    /** kill -9 from outside, now. */
    async kill(): Promise<void> {
      if (pid === null) return;
      if (alive(-pid)) process.kill(-pid, "SIGKILL");
      await this.died("kill -9");
    },

    /** A signed-in person's cookie, as the app's sign-in makes it: a real Gitea OAuth token inside. */
    async cookie(login: string): Promise<string> {
      const tokens = await oauthTokensFor(forge, login);
      const claims = await claimsForSignIn(await giteaProfile(forge, tokens.access_token), { ...tokens, expires_at: Math.floor(Date.now() / 1000) + tokens.expires_in });
      return `next-auth.session-token=${await encode({ token: { ...claims }, secret: process.env.NEXTAUTH_SECRET! })}`;
    },

    /** A request to the app as the browser sends it (same origin). A request the app dies in answers `null`. */
    async call(method: string, pathname: string, opts: { cookie?: string; body?: unknown } = {}): Promise<Response | null> {
      const headers: Record<string, string> = { origin: appUrl, accept: "application/json" };
      if (opts.cookie) headers.cookie = opts.cookie;
      if (opts.body !== undefined) headers["content-type"] = "application/json";
      return fetch(`${appUrl}${pathname}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: AbortSignal.timeout(120_000) }).catch(() => null);
    },

    async close(): Promise<void> {
      await this.kill().catch(() => undefined);
      // In `npm test` the e2e global setup holds the same build under this same pid: its teardown releases it.
      if (!process.env[INFO_ENV]) releaseBuild(root, distDir);
      await database.close();
      await forge.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
  return world;
}
