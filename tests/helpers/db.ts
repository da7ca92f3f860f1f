import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { settleBackground } from "@/lib/background";
import { db, disconnectDb } from "@/lib/db/client";
import { PG_TEMPLATE_ENV, templateDbPath } from "./db-paths";
import { copyDatabaseSync, dropDatabaseSync } from "./postgres";

let copies = 0;

/**
 * A fresh database for one test file, copied from the migrated template: a
 * SQLite file, or a PostgreSQL database when this run or file runs on
 * PostgreSQL (db-paths.ts). Sets DATABASE_URL so the app's db() uses it.
 */
export function createTestDatabase() {
  const pgTemplate = process.env[PG_TEMPLATE_ENV];
  if (pgTemplate) {
    const url = copyDatabaseSync(pgTemplate, `quorum_test_${process.pid}_${++copies}_${Date.now().toString(36)}`);
    process.env.DATABASE_URL = url;
    return {
      url,
      client: db(),
      async close() {
        await settleBackground(); // the app's work off the request path ends before its database goes
        await disconnectDb();
        dropDatabaseSync(url);
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(templateDbPath(), file);
  process.env.DATABASE_URL = `file:${file}`;
  return {
    url: `file:${file}`,
    client: db(),
    async close() {
      await settleBackground(); // the app's work off the request path ends before its database goes
      await disconnectDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
