import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sweepOnce } from "@/lib/cache/sweep";
import { db, disconnectDb } from "@/lib/db/client";
import { seedDemo } from "@/scripts/seed-demo";
import { PG_TEMPLATE_ENV } from "@/tests/helpers/db-paths";
import { ensureUser } from "@/tests/helpers/session";
import { startCacheFixture, type CacheFixture } from "./fixture";
import { cacheSnapshot } from "./snapshot";

// Issue 12 "cache and app data apart": `npm run cache:rebuild` empties and
// refills the cache from Gitea and never touches app data; `npm run backup`
// writes a consistent online copy, and after the database is deleted
// `npm run restore` gives every app row back. The scripts run as the
// operator would run them: child processes on the same database file.

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../..");
const script = (name: string, ...args: string[]) =>
  run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts", name), ...args], { cwd: ROOT, env: { ...process.env } });

let fx: CacheFixture;
let tmp: string;
beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks();
  await seedDemo();
  // Gitea's background merge checks settled first: a check ending between the snapshot and the rebuild is not the rebuild's doing.
  await fx.forge.drainChecks();
  await sweepOnce({ trigger: "manual" });
  await addAppData();
  tmp = mkdtempSync(path.join(os.tmpdir(), "quorum-backup-"));
});
afterAll(async () => {
  await fx.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A conversation with every kind of app row, as the app would write them. */
async function addAppData(): Promise<void> {
  const alice = await ensureUser({ login: "alice" });
  for (const branch of ["main", "retention"]) {
    const thread = await db().thread.create({ data: { rfcSlug: "event-log", branch, kind: "main", mainKey: `event-log\n${branch}` } });
    const message = await db().threadMessage.create({ data: { threadId: thread.id, authorKind: "user", authorId: alice.id, body: `About ${branch} 🙂` } });
    await db().change.create({ data: { rfcSlug: "event-log", branch, threadId: thread.id, messageId: message.id, original: "a", proposed: "b", status: "pending" } });
    await db().flag.create({ data: { rfcSlug: "event-log", branch, messageId: message.id, kind: "blocking", note: "Wait", createdBy: alice.id } });
    await db().notification.create({ data: { userId: alice.id, kind: "mention", actorLogin: "bob", text: "bob mentioned you" } });
  }
}

async function appData() {
  const [users, branchMeta, threads, messages, changes, flags, notifications, actions, graduations] = await Promise.all([
    db().user.findMany({ orderBy: { id: "asc" } }),
    db().branchMeta.findMany({ orderBy: { id: "asc" } }),
    db().thread.findMany({ orderBy: { id: "asc" } }),
    db().threadMessage.findMany({ orderBy: { id: "asc" } }),
    db().change.findMany({ orderBy: { id: "asc" } }),
    db().flag.findMany({ orderBy: { id: "asc" } }),
    db().notification.findMany({ orderBy: { id: "asc" } }),
    db().action.findMany({ orderBy: { id: "asc" } }),
    db().graduation.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, branchMeta, threads, messages, changes, flags, notifications, actions, graduations };
}
const counts = (data: Record<string, unknown[]>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));

test("cache:rebuild refills the cache from Gitea and keeps every app row", async () => {
  const before = await appData();
  for (const table of ["users", "threads", "messages", "changes", "flags", "notifications", "actions"] as const) expect(before[table].length).toBeGreaterThan(0);
  const cache = await cacheSnapshot();
  expect(cache.rfcs.length).toBeGreaterThan(0);

  const { stdout } = await script("cache-rebuild.ts");
  expect(stdout).toMatch(/^Cache rebuilt from .* \d+ RFCs, \d+ branches, \d+ PRs \(\d+ repos read, 0 errors\)/m);

  expect(counts(await appData())).toEqual(counts(before));
  expect(await appData()).toEqual(before);
  expect(await cacheSnapshot()).toEqual(cache);
});

test("cache:rebuild wipes nothing when Gitea cannot be reached", async () => {
  const cache = await cacheSnapshot();
  const failed = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/cache-rebuild.ts")], {
    cwd: ROOT,
    env: { ...process.env, GITEA_URL: "http://127.0.0.1:9" },
  }).catch((err: { code: number; stderr: string }) => err);
  expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining("nothing was wiped") });
  expect(await cacheSnapshot()).toEqual(cache);
});

// npm run backup and restore are SQLite's (lib/db/backup.ts); a PostgreSQL
// database is backed up with pg_dump, and on one the script says so (npm run test:pg).
const onPostgres = !!process.env[PG_TEMPLATE_ENV];

if (onPostgres) {
  test("npm run backup on PostgreSQL refuses, naming the database's own tools", async () => {
    await expect(script("backup.ts", path.join(tmp, "quorum.db"))).rejects.toMatchObject({
      stderr: expect.stringContaining("is not a SQLite file: back it up with that database's own tools"),
    });
    expect(existsSync(path.join(tmp, "quorum.db"))).toBe(false);
  });
} else test("backup while the app is connected, delete the database, restore: the app data is back", async () => {
  const before = await appData();
  const file = path.join(tmp, "quorum.db");
  const { stdout } = await script("backup.ts", file);
  expect(stdout).toContain(`Backup written: ${file}`);
  // A second backup never overwrites the first.
  await expect(script("backup.ts", file)).rejects.toMatchObject({ stderr: expect.stringContaining("never overwrites") });

  // Rows written after the backup are not in it.
  await db().threadMessage.create({ data: { threadId: before.threads[0].id, authorKind: "user", body: "after the backup" } });
  const database = process.env.DATABASE_URL!.slice("file:".length);
  await disconnectDb();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
  expect(existsSync(database)).toBe(false);

  const restored = await script("restore.ts", file);
  expect(restored.stdout).toContain(`Restored ${file} to ${database}`);
  expect(await appData()).toEqual(before);
  // Restoring over a live database needs --replace, and keeps the old file.
  await expect(script("restore.ts", file)).rejects.toMatchObject({ stderr: expect.stringContaining("--replace") });
});
