import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { templateDbPath } from "./db-paths";

// Applies the committed migrations once to a template database; each test
// file copies it (tests/helpers/db.ts) so files never share rows.
export default async function globalSetup(): Promise<void> {
  const template = templateDbPath();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(template + suffix)) rmSync(template + suffix);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
