import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PG_TEMPLATE_ENV, TEMPLATE_ENV } from "./db-paths";
import { startTestPostgres, type TestPostgres } from "./postgres";

// Applies the committed migrations once to a template database of this run;
// each test file copies it (tests/helpers/db.ts) so files never share rows.
// With QUORUM_TEST_DATABASE=postgresql (npm run test:pg) the run also starts
// a PostgreSQL cluster of its own and every test file gets a copy of its
// migrated template instead of a SQLite file (the SQLite template stays for
// the tests that copy from SQLite to PostgreSQL).
export default async function globalSetup(): Promise<void> {
  const template = path.join(mkdtempSync(path.join(os.tmpdir(), "quorum-test-template-")), "template.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.env[TEMPLATE_ENV] = template;
  const engine = process.env.QUORUM_TEST_DATABASE ?? "sqlite";
  if (engine === "postgresql") {
    const pg = await startTestPostgres();
    (globalThis as { quorumTestPostgres?: TestPostgres }).quorumTestPostgres = pg;
    process.env[PG_TEMPLATE_ENV] = await pg.migratedDatabase("quorum_template");
  } else if (engine !== "sqlite") throw new Error(`QUORUM_TEST_DATABASE must be sqlite or postgresql, not ${engine}`);
}
