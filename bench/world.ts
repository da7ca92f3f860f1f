import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appEnvFor, bootstrapForge } from "@/forge/bootstrap";
import { disconnectDb } from "@/lib/db/client";
import { startAppServer, type AppServer } from "@/tests/helpers/app-server";

// A benchmark's world: a migrated temp SQLite file, the in-process app
// server (webhook route), and the local forge in its own process — as Gitea
// is in production, so its git work does not share the app's event loop.

export type BenchWorld = {
  app: AppServer;
  forgeUrl: string;
  webhookSecret: string;
  forgeAdmin(pathname: string, init?: RequestInit): Promise<Response>;
  /** POST to a /_forge admin route (pause, resume, reset …). */
  adminPost(pathname: string, body?: unknown): Promise<void>;
  forgeRequests(): Promise<{ total: number; counts: Record<string, number> }>;
  close(): Promise<void>;
};

/** The local forge in a process of its own (as Gitea runs beside the app), on a free port. */
export async function spawnForge(dataDir: string, adminToken: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "forge/main.ts", "--port", "0", "--data", dataDir, "--admin-token", adminToken, "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`forge exited (${code}): ${out}`)));
  });
  return { child, url };
}

export async function startBenchWorld(): Promise<BenchWorld> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-bench-"));
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: dbUrl }, stdio: "ignore" });
  const app = await startAppServer();
  const adminToken = randomBytes(20).toString("hex");
  const { child, url } = await spawnForge(path.join(dir, "forge"), adminToken);
  const webhookSecret = randomBytes(16).toString("hex");
  const boot = await bootstrapForge({ url, adminToken, appUrl: app.url, webhookSecret, demoUsers: true });
  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    ...appEnvFor({ ...boot, url, webhookSecret }),
    NEXTAUTH_URL: app.url,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    ADMIN_LOGINS: "carol",
  });
  const forgeAdmin = (p: string, init: RequestInit = {}) =>
    fetch(`${url}/_forge${p}`, { ...init, headers: { authorization: `token ${adminToken}`, "content-type": "application/json" } });
  return {
    app,
    forgeUrl: url,
    webhookSecret,
    forgeAdmin,
    async adminPost(p, body) {
      const res = await forgeAdmin(p, { method: "POST", ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      if (!res.ok) throw new Error(`POST /_forge${p} → ${res.status}`);
    },
    forgeRequests: async () => (await (await forgeAdmin("/requests")).json()) as { total: number; counts: Record<string, number> },
    async close() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await app.close();
      await disconnectDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
