import { db, disconnectDb } from "@/lib/db/client";
import { startTestPostgres, type TestPostgres } from "../../helpers/postgres";

// The same schema on PostgreSQL (issue 19): the committed migrations of
// prisma/postgres apply to a fresh cluster, and the app's one client (db())
// reads and writes it through the pg driver adapter when DATABASE_URL is
// postgresql://, with the catalog's tag and owner tables kept by triggers.

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
