import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// `npm run backup` / `npm run restore` (issue 12). The database holds the
// app's own data (users, threads, messages, changes, flags, notifications,
// the audit log, branch metadata) beside a rebuildable cache of Gitea; Gitea
// itself is the truth for documents and backs up on its own. A backup is a
// consistent online copy made with SQLite's backup API (better-sqlite3's
// .backup()), safe while the app runs and writes: it copies pages under the
// database's own locking and includes what sits in the WAL. This module is
// the one SQLite-specific place; a PostgreSQL deployment (issue 19) would
// back up with pg_dump instead, and everything else goes through Prisma.

/** The file behind a `file:` DATABASE_URL (relative paths from the working directory). */
export function sqliteFileOf(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL ${url} is not a SQLite file: back it up with that database's own tools`);
  const file = url.slice("file:".length).replace(/\?.*$/, "");
  return path.resolve(file);
}

function checkIntegrity(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

/** Writes a consistent copy of the live database to `to` (a new file) and checks it. */
export async function backupDatabase({ url, to }: { url: string; to: string }): Promise<{ file: string; bytes: number }> {
  const source = sqliteFileOf(url);
  if (!existsSync(source)) throw new Error(`No database at ${source}`);
  const target = path.resolve(to);
  if (existsSync(target)) throw new Error(`${target} exists: a backup never overwrites a file`);
  mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(target);
  } finally {
    db.close();
  }
  checkIntegrity(target);
  return { file: target, bytes: statSync(target).size };
}

/**
 * Puts a backup in place of the database — with the app stopped. Refuses to
 * replace an existing database unless `replace` (the current file is then
 * kept beside it as `<name>.before-restore-<time>`). Stale -wal/-shm files of
 * the old database are removed, so SQLite cannot replay them onto the copy.
 */
export function restoreDatabase({ url, from, replace = false }: { url: string; from: string; replace?: boolean }): { file: string; kept: string | null } {
  const target = sqliteFileOf(url);
  const backup = path.resolve(from);
  checkIntegrity(backup);
  let kept: string | null = null;
  if (existsSync(target)) {
    if (!replace) throw new Error(`${target} exists: stop the app and pass --replace to restore over it`);
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    copyFileSync(target, kept);
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(backup, target);
  return { file: target, kept };
}
