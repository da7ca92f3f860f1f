// `npm run dev`: one command from a fresh clone to a running app (README).
// With no GITEA_URL it starts the local forge, bootstraps and seeds it on an
// empty data folder, then runs `next dev` against it (FORGE.md, issue 2).
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const APP_PORT = Number(process.env.PORT ?? 3000);
const FORGE_PORT = Number(process.env.FORGE_PORT ?? 3001);
const DATA = path.resolve(process.env.QUORUM_DATA ?? "data");
const FORGE_DATA = path.join(DATA, "forge");
const SECRETS = path.join(DATA, "local-forge.json");

type LocalSecrets = Record<string, string>;

async function startLocalForge(): Promise<{ env: LocalSecrets; close: () => Promise<void> }> {
  const { startForge } = await import("../forge/server");
  const { appEnvFor, bootstrapForge } = await import("../forge/bootstrap");
  const { behaviourFromEnv } = await import("../forge/behaviour");
  const fresh = !existsSync(SECRETS);
  const saved: LocalSecrets = fresh ? {} : JSON.parse(readFileSync(SECRETS, "utf8"));
  const adminToken = saved.FORGE_ADMIN_TOKEN ?? randomBytes(20).toString("hex");
  const forge = await startForge({
    port: FORGE_PORT,
    dataDir: FORGE_DATA,
    adminToken,
    giteaVersion: process.env.FORGE_GITEA_VERSION,
    behaviour: behaviourFromEnv(process.env),
  });
  const appUrl = `http://localhost:${APP_PORT}`;
  let env = saved;
  if (fresh) {
    const webhookSecret = randomBytes(24).toString("hex");
    const boot = await bootstrapForge({ url: forge.url, adminToken, appUrl, webhookSecret });
    env = {
      FORGE_ADMIN_TOKEN: adminToken,
      ...appEnvFor({ ...boot, url: forge.url, webhookSecret }),
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      ADMIN_LOGINS: "carol",
    };
    mkdirSync(DATA, { recursive: true });
    writeFileSync(SECRETS, JSON.stringify(env, null, 2), { mode: 0o600 });
  }
  console.log(`[dev] local forge (Gitea ${forge.forge.gitea.release}) on ${forge.url} (data in ${path.relative(process.cwd(), FORGE_DATA)})`);
  return { env: { ...env, SEED_DEMO: fresh ? "1" : "" }, close: () => forge.close() };
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const local = process.env.GITEA_URL ? null : await startLocalForge();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(DATA, "quorum.db")}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(local ? local.env : {}),
  };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  console.log("[dev] database migrated");

  if (local?.env.SEED_DEMO) {
    Object.assign(process.env, env);
    const { seedDemo } = await import("./seed-demo");
    await seedDemo();
    console.log("[dev] demo content seeded (users alice, bob, carol; carol is admin)");
  }

  const next = spawn("npx", ["next", "dev", "-p", String(APP_PORT)], { env, stdio: "inherit" });
  const stop = async () => {
    next.kill("SIGTERM");
    await local?.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", async (code) => {
    await local?.close();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error("[dev] failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
