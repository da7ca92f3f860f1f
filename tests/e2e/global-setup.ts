import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appEnvFor } from "../../forge/bootstrap";
import { startTestForge } from "../helpers/forge";
import { freePort, startApp } from "./harness/app-server";
import { startFakeAi } from "./harness/fake-ai";
import { startSmtpSink } from "./harness/smtp-sink";
import { ensureBuild } from "./harness/build";
import { defaultInfoPath, INFO_ENV, type E2eInfo } from "./harness/info";

// The e2e environment (docs/ARCHITECTURE.md "Tests"): a fresh forge, a fresh
// SQLite file with the committed migrations, a production build of the app
// (`next build` into .next-e2e, reused only when its inputs are unchanged)
// and `next start` against both. Relative imports: jest's moduleNameMapper
// does not apply to global setup files.

const root = path.resolve(__dirname, "../..");

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const forge = await startTestForge({ appUrl });
  (globalThis as { quorumE2eForge?: { stop(): Promise<void> } }).quorumE2eForge = forge;

  const dbDir = mkdtempSync(path.join(os.tmpdir(), "quorum-e2e-db-"));
  const databaseUrl = `file:${path.join(dbDir, "app.db")}`;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    ...appEnvFor(forge),
    GITEA_PUBLIC_URL: forge.url,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_LOGINS: "carol",
    DATABASE_URL: databaseUrl,
    // The movable clock (lib/clock.ts): tests end a final comment period without waiting ten days.
    QUORUM_TEST_CLOCK_FILE: path.join(dbDir, "clock.json"),
    NEXT_TELEMETRY_DISABLED: "1",
    // The AI is the one thing replaced (docs/ARCHITECTURE.md): a rule-driven OpenAI-compatible server.
    ...(await startFakeAi()),
    // Email set up (issue 14), so the notification settings offer it.
    ...(await startSmtpSink()),
  };
  const { distDir, built } = await ensureBuild(root, env);
  const appLog = path.join(dbDir, "next-start.log");
  const app = await startApp({ root, distDir, port, env, logFile: appLog });
  // What a test needs to restart the same app (harness/restart.ts); the folder is private to this run.
  const appEnvFile = path.join(dbDir, "app-env.json");
  writeFileSync(appEnvFile, JSON.stringify(env), { mode: 0o600 });

  const info: E2eInfo = {
    appUrl,
    forgeUrl: forge.url,
    forgeAdminToken: forge.adminToken,
    botToken: forge.botToken,
    org: forge.org,
    metaRepo: forge.metaRepo,
    webhookSecret: forge.webhookSecret,
    databaseUrl,
    appLog,
    appPid: app.pid,
    appPort: port,
    appEnvFile,
    clockFile: String(env.QUORUM_TEST_CLOCK_FILE),
    distDir,
    tempDirs: [dbDir],
  };
  const infoFile = defaultInfoPath();
  writeFileSync(infoFile, JSON.stringify(info, null, 2));
  process.env[INFO_ENV] = infoFile;
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n[e2e] app ${appUrl} (${built ? "fresh build" : "build reused"}), forge ${forge.url}, ready in ${secs}s`);
}
