import { spawn, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { freePort } from "../e2e/harness/app-server";
import { waitUntil } from "./wait";

// A PostgreSQL cluster of the test's own (issue 19): Debian's PostgreSQL 15
// binaries, a fresh cluster in a temporary folder on a free port, stopped by
// its process id — never a system service. PostgreSQL refuses to run as
// root, so under root (this machine) it runs as the `postgres` user. The
// cluster's locale is C.UTF-8, as the catalog search needs a UTF-8 one
// (prisma/postgres/sql/catalog-search.sql) and C.UTF-8 sorts as SQLite does.

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type TestPostgres = {
  /** The cluster's maintenance database. */
  url: string;
  /** The postmaster's process id (the bench sums the CPU time of it and its backends). */
  pid: number;
  /** A new database with the committed PostgreSQL migrations applied (prisma migrate deploy); its URL. */
  migratedDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

const root = path.resolve(__dirname, "../..");

function asUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-pg-"));
  const user = asUser();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const data = path.join(dir, "data");
  const init = spawnSync(`${BIN}/initdb`, ["-D", data, "-U", "quorum", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], {
    ...user, encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const child = spawn(`${BIN}/postgres`, ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"], {
    ...user, stdio: "ignore",
  });
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const url = `postgresql://quorum@127.0.0.1:${port}/postgres`;
  await waitUntil(
    async () => {
      if (exited !== null) throw new Error(`postgres exited with ${exited}`);
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.end();
      return true;
    },
    { timeoutMs: 60_000, what: `PostgreSQL on port ${port}`, failFast: (e) => (e as Error).message.startsWith("postgres exited") },
  ).catch((err) => {
    child.kill("SIGKILL");
    throw err;
  });
  return {
    url,
    pid: child.pid!,
    async migratedDatabase(name) {
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const dbUrl = url.replace(/\/postgres$/, `/${name}`);
      const deploy = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
        cwd: root, env: { ...process.env, DATABASE_URL: dbUrl }, encoding: "utf8",
      });
      if (deploy.status !== 0) throw new Error(`prisma migrate deploy failed on PostgreSQL:\n${deploy.stdout}\n${deploy.stderr}`);
      return dbUrl;
    },
    async stop() {
      if (exited === null) {
        child.kill("SIGINT"); // fast shutdown
        await waitUntil(() => exited !== null, { timeoutMs: 20_000, what: "PostgreSQL to stop" }).catch(() => child.kill("SIGKILL"));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database copied from `templateUrl`'s (CREATE DATABASE … TEMPLATE, a file copy); its URL. Synchronous, for createTestDatabase. */
export function copyDatabaseSync(templateUrl: string, name: string): string {
  const template = new URL(templateUrl);
  const target = new URL(templateUrl);
  target.pathname = `/${name}`;
  const created = spawnSync(`${BIN}/createdb`, ["-h", template.hostname, "-p", template.port, "-U", template.username, "-T", template.pathname.slice(1), name], {
    encoding: "utf8",
  });
  if (created.status !== 0) throw new Error(`createdb ${name} failed: ${created.stderr}`);
  return target.toString();
}

/** Drops the database of `url`, closing whatever connections it still has. */
export function dropDatabaseSync(url: string): void {
  const u = new URL(url);
  const dropped = spawnSync(`${BIN}/dropdb`, ["-h", u.hostname, "-p", u.port, "-U", u.username, "--force", "--if-exists", u.pathname.slice(1)], { encoding: "utf8" });
  if (dropped.status !== 0) throw new Error(`dropdb ${u.pathname} failed: ${dropped.stderr}`);
}
