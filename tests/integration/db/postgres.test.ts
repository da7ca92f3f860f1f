import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appModels, copyAppData } from "@/lib/db/copy-app-data";
import { db, disconnectDb, openDatabase } from "@/lib/db/client";
import { templateDbPath } from "../../helpers/db-paths";
import { startTestPostgres, type TestPostgres } from "../../helpers/postgres";

// The same schema on PostgreSQL (issue 19): the committed migrations of
// prisma/postgres apply to a fresh cluster, and the app's one client (db())
// reads and writes it through the pg driver adapter when DATABASE_URL is
// postgresql://, with the catalog's tag and owner tables kept by triggers;
// an installation's app data moves from SQLite with npm run db:copy-to-postgres.

jest.setTimeout(180_000);

let pg: TestPostgres;
const sqliteUrl = process.env.DATABASE_URL;
beforeAll(async () => {
  pg = await startTestPostgres();
  process.env.DATABASE_URL = await pg.migratedDatabase("quorum_schema");
});
afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sqliteUrl;
  await pg?.stop();
});

it("stores and reads the app's rows through the same client and models", async () => {
  const user = await db().user.create({ data: { login: "alice", giteaId: 7, name: "Alice", email: "a@example.org", avatarUrl: "" } });
  const found = await db().user.findUniqueOrThrow({ where: { login: "alice" } });
  expect(found).toMatchObject({ id: user.id, giteaId: 7, name: "Alice" });
  await expect(db().user.create({ data: { login: "alice", giteaId: 8, name: "", email: "", avatarUrl: "" } })).rejects.toMatchObject({ code: "P2002" });
  const run = await db().sweepRun.create({ data: { trigger: "startup", instance: "web-1" } });
  expect((await db().sweepRun.findFirstOrThrow({ orderBy: { id: "desc" } })).instance).toBe("web-1");
  expect(run.startedAt).toBeInstanceOf(Date);
  expect(await db().$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
});

it("keeps the catalog's tags and owners in step with CachedRfc, valid entries only", async () => {
  const base = { title: "T", state: "super-draft", entryPath: "rfcs/x.md", entrySha: "abc" };
  await db().cachedRfc.create({ data: { ...base, slug: "one", tags: '["infra","infra","db",3]', owners: '["bob"]' } });
  await db().cachedRfc.create({ data: { ...base, slug: "broken", tags: "not json", owners: '["carol"]' } });
  await db().cachedRfc.create({ data: { ...base, slug: "invalid", tags: '["x"]', owners: '["dave"]', invalidReason: "no title" } });
  const tags = async () => (await db().cachedRfcTag.findMany({ orderBy: [{ rfcSlug: "asc" }, { tag: "asc" }] })).map((t) => `${t.rfcSlug}:${t.tag}`);
  expect(await tags()).toEqual(["one:db", "one:infra"]);
  expect((await db().cachedRfcOwner.findMany({ orderBy: { login: "asc" } })).map((o) => o.login)).toEqual(["bob", "carol"]);
  await db().cachedRfc.update({ where: { slug: "one" }, data: { tags: '["api"]' } });
  await db().cachedRfc.update({ where: { slug: "invalid" }, data: { invalidReason: null } });
  expect(await tags()).toEqual(["invalid:x", "one:api"]);
  await db().cachedRfc.delete({ where: { slug: "one" } });
  expect(await tags()).toEqual(["invalid:x"]);
  expect(await db().cachedRfcOwner.count({ where: { rfcSlug: "one" } })).toBe(0);
});

it("copies an installation's app data from SQLite, ids kept, the cache left to the first sweep", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-copy-"));
  copyFileSync(templateDbPath(), path.join(dir, "old.db"));
  const from = openDatabase(`file:${path.join(dir, "old.db")}`).client;
  const to = openDatabase(await pg.migratedDatabase("quorum_copy")).client;
  try {
    const bob = await from.user.create({ data: { login: "bob", giteaId: 2, role: "admin" } });
    await from.user.create({ data: { login: "erin", giteaId: 5 } });
    const thread = await from.thread.create({ data: { rfcSlug: "cache-policy", branch: "main", kind: "main", mainKey: "cache-policy\nmain" } });
    await from.threadMessage.create({ data: { threadId: thread.id, authorKind: "user", authorId: bob.id, body: "Ship it — «soon»" } });
    await from.threadMessage.create({ data: { threadId: thread.id, authorKind: "ai", body: "", status: "failed", error: "x" } });
    const action = await from.action.create({ data: { onBehalfOf: "bob", kind: "accept", details: '{"n":1}' } });
    await from.cachedRfc.create({ data: { slug: "cache-policy", title: "T", state: "super-draft", entryPath: "rfcs/cache-policy.md", entrySha: "a" } });
    await from.sweepRun.create({ data: { trigger: "startup" } });

    const copied = await copyAppData(from, to);
    expect(copied).toMatchObject({ User: 2, Thread: 1, ThreadMessage: 2, Action: 1 });
    expect(Object.keys(copied)).not.toContain("CachedRfc"); // the cache rebuilds itself
    expect(Object.keys(copied).sort()).toEqual(appModels().map((m) => m.name).sort());
    expect(await to.cachedRfc.count()).toBe(0);
    expect(await to.sweepRun.count()).toBe(0);
    const strip = <T extends { updatedAt?: Date }>(rows: T[]) => rows.map((r) => ({ ...r, updatedAt: undefined }));
    expect(await to.user.findMany({ orderBy: { id: "asc" } })).toEqual(await from.user.findMany({ orderBy: { id: "asc" } }));
    expect(strip(await to.threadMessage.findMany({ orderBy: { id: "asc" } }))).toEqual(strip(await from.threadMessage.findMany({ orderBy: { id: "asc" } })));
    expect(await to.action.findUniqueOrThrow({ where: { id: action.id } })).toEqual(action);
    // New rows after the copy get ids past the copied ones.
    const next = await to.user.create({ data: { login: "frank", giteaId: 9 } });
    expect(next.id).toBeGreaterThan(bob.id + 1);
    await expect(copyAppData(from, to)).rejects.toThrow(/already holds User rows/);
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
    rmSync(dir, { recursive: true, force: true });
  }
});
