import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI runs on its built-in wasm schema engine through the driver
// adapter, so nothing is downloaded (STACK.md). A postgresql:// DATABASE_URL
// selects PostgreSQL: prisma/postgres/schema.prisma (derived from
// prisma/schema.prisma by `npm run db:regen`) and its migrations.
const url = process.env.DATABASE_URL ?? "file:./data/quorum.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

/** What the mends below touch inside @prisma/adapter-pg 6.19 (not its public types). */
type PgQueryable = {
  client: { query(sql: string): Promise<unknown> };
  performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  onError(e: unknown): never;
  executeScript?(script: string): Promise<void>;
  startTransaction?(level?: unknown): Promise<PgQueryable>;
};

const NAME_OID = 19;
const TEXT_OID = 25;

/**
 * Two mends for Prisma Migrate over @prisma/adapter-pg 6.19:
 * - the schema engine reads pg_catalog columns of type `name`, which the
 *   adapter refuses ("Column type 'name' could not be deserialized",
 *   prisma/orm#27403): they are read as text, which they are;
 * - executeScript splits a migration on every ';', which cuts a PL/pgSQL
 *   function body in pieces: the script goes to PostgreSQL whole instead (the
 *   simple query protocol runs several statements).
 */
function mend<T>(adapter: T): T {
  const q = adapter as unknown as PgQueryable;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    for (const f of result.fields) if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
    return result;
  };
  if (q.executeScript)
    q.executeScript = async (script) => {
      try {
        await q.client.query(script);
      } catch (err) {
        q.onError(err);
      }
    };
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (level) => mend(await start(level));
  }
  return adapter;
}

function migratablePg(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  const shadow = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => mend(await connect());
  factory.connectToShadowDb = async () => mend(await shadow());
  return factory;
}

export default defineConfig({
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return postgres ? migratablePg(url) : new PrismaBetterSQLite3({ url });
  },
});
