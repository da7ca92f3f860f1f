// npm run backup [-- <file>] — a consistent online backup of the database
// (SQLite's backup API; safe while the app runs). Default file:
// data/backups/quorum-<time>.db. See README "Backups" for what to back up
// and how to restore (npm run restore -- <file>).
import path from "node:path";
import { loadScriptEnv } from "./script-env";

async function main(): Promise<void> {
  loadScriptEnv();
  const { backupDatabase } = await import("@/lib/db/backup");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const to = process.argv[2] ?? path.resolve(process.env.QUORUM_DATA ?? "data", "backups", `quorum-${stamp}.db`);
  const { file, bytes } = await backupDatabase({ url: process.env.DATABASE_URL!, to });
  console.log(`Backup written: ${file} (${Math.round(bytes / 1024)} KiB, integrity ok)`);
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
