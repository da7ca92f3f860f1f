import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { encode } from "next-auth/jwt";
import { appEnvFor, bootstrapForge, type BootstrapResult } from "@/forge/bootstrap";
import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureBuild } from "@/tests/e2e/harness/build";
import { releaseBuild } from "@/tests/e2e/harness/build-store";
import { freePort, startApp, stopApp } from "@/tests/e2e/harness/app-server";
import { startTestPostgres, type TestPostgres } from "@/tests/helpers/postgres";
import { startTestRedis, type TestRedis } from "@/tests/helpers/redis";
import { oauthTokens } from "../scale/world";
import { spawnForge } from "../world";

// Issue 19's production setup for `npm run bench -- instances`: two
// instances of a production build (`next start`, the build shared with the
// browser tests) behind no load balancer, one PostgreSQL and one Redis of
// the bench's own (Debian's binaries, free ports, temporary folders), the
// local forge in its own process. Instance A is NEXTAUTH_URL; both accept
// its origin, as instances behind one public address do.

const ROOT = path.resolve(__dirname, "../..");

export type InstancesWorld = {
  urls: [string, string];
  bot: BotActor;
  /** The public origin both instances answer for (NEXTAUTH_URL): the Origin of a write to either. */
  origin: string;
  start(which: 0 | 1): Promise<void>;
  /** Process ids for CPU accounting: each instance's process group, the PostgreSQL postmaster, the forge. */
  pids(): { apps: (number | null)[]; postgres: number; forge: number };
  sessionCookie(login: string): Promise<string>;
  close(): Promise<void>;
};

export async function startInstancesWorld(): Promise<InstancesWorld> {
  const { distDir } = await ensureBuild(ROOT, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-bench-instances-"));
  const pg: TestPostgres = await startTestPostgres();
  const redis: TestRedis = await startTestRedis();
  const dbUrl = await pg.migratedDatabase("quorum_bench");
  const ports = [await freePort(), await freePort()];
  const urls: [string, string] = [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`];
  const adminToken = randomBytes(20).toString("hex");
  const forge: { child: ChildProcess; url: string } = await spawnForge(path.join(dir, "forge"), adminToken);
  const webhookSecret = randomBytes(16).toString("hex");
  const boot: BootstrapResult = await bootstrapForge({ url: forge.url, adminToken, appUrl: urls[0], webhookSecret, demoUsers: true });
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: dbUrl,
    REDIS_URL: redis.url,
    ...appEnvFor({ ...boot, url: forge.url, webhookSecret }),
    GITEA_PUBLIC_URL: forge.url,
    NEXTAUTH_URL: urls[0],
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    ADMIN_LOGINS: "carol",
    RECONCILE_INTERVAL_S: "86400", // the startup sweep fills the cache; no sweep while measuring
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env); // this process seeds through the app's bot code, on the same forge and database
  const carol = await db().user.upsert({ where: { login: "carol" }, update: {}, create: { giteaId: boot.users.carol.id, login: "carol", name: "Carol Chen" } });
  const apps: ({ pid: number } | null)[] = [null, null];
  const cookies = new Map<string, string>();
  return {
    urls,
    bot: actorFrom(carol),
    origin: urls[0],
    async start(which) {
      apps[which] = await startApp({
        root: ROOT, distDir, port: ports[which], env: { ...process.env, ...env, INSTANCE_ID: which ? "B" : "A" }, logFile: path.join(dir, `next-start-${which ? "B" : "A"}.log`),
      });
    },
    pids: () => ({ apps: apps.map((a) => a?.pid ?? null), postgres: pg.pid, forge: forge.child.pid! }),
    async sessionCookie(login) {
      const known = cookies.get(login);
      if (known) return known;
      const tokens = await oauthTokens(forge.url, urls[0], boot, login);
      const user = await db().user.upsert({ where: { login }, update: {}, create: { giteaId: boot.users[login].id, login, name: login } });
      const jwt = await encode({
        token: { uid: user.id, login, name: login, giteaToken: tokens.access_token, giteaRefreshToken: tokens.refresh_token, giteaTokenExpiresAt: Math.floor(Date.now() / 1000) + tokens.expires_in },
        secret: env.NEXTAUTH_SECRET,
      });
      cookies.set(login, `next-auth.session-token=${jwt}`);
      return cookies.get(login)!;
    },
    async close() {
      for (const app of apps) if (app) await stopApp(app.pid);
      releaseBuild(ROOT, distDir);
      forge.child.kill("SIGTERM");
      await new Promise((r) => forge.child.once("exit", r));
      await disconnectDb();
      await redis.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
