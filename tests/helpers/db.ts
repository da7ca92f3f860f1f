import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { templateDbPath } from "./db-paths";

/**
 * A fresh SQLite file for one test file, copied from the migrated template.
 * Sets DATABASE_URL so the app's db() uses it.
 */
export function createTestDatabase() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(templateDbPath(), file);
  process.env.DATABASE_URL = `file:${file}`;
  return {
    file,
    url: `file:${file}`,
    client: db(),
    async close() {
      await disconnectDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
