// npm run restore -- <backup file> [--replace] — puts a backup in place of
// the database. Stop the app first. Without --replace it refuses to touch an
// existing database; with it, the current file is kept beside the restored one.
import { loadScriptEnv } from "./script-env";

async function main(): Promise<void> {
  loadScriptEnv();
  const args = process.argv.slice(2);
  const from = args.find((a) => !a.startsWith("--"));
  if (!from) throw new Error("usage: npm run restore -- <backup file> [--replace]");
  const { restoreDatabase } = await import("@/lib/db/backup");
  const { file, kept } = restoreDatabase({ url: process.env.DATABASE_URL!, from, replace: args.includes("--replace") });
  console.log(`Restored ${from} to ${file}${kept ? ` (the previous database is kept as ${kept})` : ""}. Start the app; its first sweep refreshes the cache from Gitea.`);
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
