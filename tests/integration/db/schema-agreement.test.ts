import { spawnSync } from "node:child_process";
import path from "node:path";

// One source of truth for both databases (issue 19): prisma/schema.prisma.
// The PostgreSQL schema is derived from it, and each database's committed
// init migration must be exactly what that schema (plus its raw SQL files)
// gives — so a model changed for one and not regenerated for the other fails here.

jest.setTimeout(300_000);

it("the SQLite and PostgreSQL schemas and migrations agree with prisma/schema.prisma (npm run db:check)", () => {
  const run = spawnSync(process.execPath, ["scripts/db-regen.mjs", "--check"], { cwd: path.resolve(__dirname, "../../.."), encoding: "utf8" });
  expect(`${run.stdout}${run.stderr}`).toContain("agree with prisma/schema.prisma");
  expect(run.status).toBe(0);
});
