import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEMPLATE_ENV } from "./db-paths";

// Applies the committed migrations once to a template database of this run;
// each test file copies it (tests/helpers/db.ts) so files never share rows.
export default async function globalSetup(): Promise<void> {
  const template = path.join(mkdtempSync(path.join(os.tmpdir(), "quorum-test-template-")), "template.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.env[TEMPLATE_ENV] = template;
}
