import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// One Prisma client per database URL, kept across hot reloads (§4.2).
// DATABASE_URL file:… is SQLite (the default); postgresql://… is PostgreSQL
// through the pg driver adapter and the client generated from
// prisma/postgres/schema.prisma (the same models, derived by db:regen), loaded
// only then so the SQLite path never loads pg.
const globalForDb = globalThis as unknown as { quorumDb?: { url: string; client: PrismaClient; ready: Promise<void> } };

function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/quorum.db";
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which engine db() talks to: what raw SQL must be written for (lib/db/queries/search-index.ts). */
export const databaseProvider = (): DatabaseProvider => (isPostgresUrl(databaseUrl()) ? "postgresql" : "sqlite");

function postgresClient(url: string): PrismaClient {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only for a postgresql:// URL */
  const { PrismaClient: PgClient } = require(".prisma/client-pg") as { PrismaClient: new (opts: unknown) => unknown };
  const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The same models and queries as the SQLite client: one schema (prisma/schema.prisma).
  return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as PrismaClient;
}

/** A new client for `url` (SQLite file: or postgresql://); db() keeps the app's one. */
export function openDatabase(url: string): { client: PrismaClient; ready: Promise<void> } {
  if (isPostgresUrl(url)) return { client: postgresClient(url), ready: Promise.resolve() };
  // busy timeout: writers wait for each other instead of failing (§4.2).
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  const ready = client
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => undefined)
    .catch((err: unknown) => console.error("[quorum] could not enable WAL", err));
  return { client, ready };
}

export function db(): PrismaClient {
  const url = databaseUrl();
  const current = globalForDb.quorumDb;
  if (current && current.url === url) return current.client;
  const { client, ready } = openDatabase(url);
  globalForDb.quorumDb = { url, client, ready };
  return client;
}

/** Closes the current client (tests switch databases between files). */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.quorumDb;
  globalForDb.quorumDb = undefined;
  if (current) await current.client.$disconnect();
}
