import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// One Prisma client per database URL, kept across hot reloads (§4.2).
const globalForDb = globalThis as unknown as { quorumDb?: { url: string; client: PrismaClient; ready: Promise<void> } };

function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/quorum.db";
}

export function db(): PrismaClient {
  const url = databaseUrl();
  const current = globalForDb.quorumDb;
  if (current && current.url === url) return current.client;
  // busy timeout: writers wait for each other instead of failing (§4.2).
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  const ready = client
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => undefined)
    .catch((err: unknown) => console.error("[quorum] could not enable WAL", err));
  globalForDb.quorumDb = { url, client, ready };
  return client;
}

/** Closes the current client (tests switch databases between files). */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.quorumDb;
  globalForDb.quorumDb = undefined;
  if (current) await current.client.$disconnect();
}
