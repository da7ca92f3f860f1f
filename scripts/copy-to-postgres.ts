// npm run db:copy-to-postgres — moves an installation from SQLite to
// PostgreSQL (README "Several instances"): copies the app's own data from
// the SQLite file (SQLITE_URL, default the DATABASE_URL SQLite file of .env)
// into the PostgreSQL database of TARGET_DATABASE_URL, which `npm run
// db:deploy` has migrated and nothing has written to yet. The cache is not
// copied: start the app on PostgreSQL and its first sweep rebuilds it.
import { copyAppData } from "@/lib/db/copy-app-data";
import { isPostgresUrl, openDatabase } from "@/lib/db/client";
import { loadScriptEnv } from "./script-env";

async function main(): Promise<void> {
  loadScriptEnv();
  const source = process.env.SQLITE_URL ?? process.env.DATABASE_URL ?? "";
  const target = process.env.TARGET_DATABASE_URL ?? "";
  if (!source.startsWith("file:")) throw new Error("SQLITE_URL (or DATABASE_URL) must be the SQLite file: URL to copy from");
  if (!isPostgresUrl(target)) throw new Error("TARGET_DATABASE_URL must be the postgresql:// URL to copy into (migrated with npm run db:deploy)");
  const from = openDatabase(source);
  const to = openDatabase(target);
  try {
    await from.ready;
    const copied = await copyAppData(from.client, to.client, (line) => console.log(line));
    const total = Object.values(copied).reduce((a, b) => a + b, 0);
    console.log(`Copied ${total} rows. Start Quorum with DATABASE_URL=${target.replace(/\/\/[^@/]*@/, "//…@")}; its first sweep rebuilds the cache.`);
  } finally {
    await Promise.all([from.client.$disconnect(), to.client.$disconnect()]);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
