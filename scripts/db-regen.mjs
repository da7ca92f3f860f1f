// Regenerates the single init migration from prisma/schema.prisma, then the
// client. Until the first release there is one migration (docs/ARCHITECTURE.md).
// What Prisma cannot declare (FTS5 tables, triggers) lives in prisma/sql/*.sql
// and is appended after the generated DDL, in file name order.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

// The CLI opens the default database through the adapter even for a diff: its folder must exist.
mkdirSync("data", { recursive: true });
const npx = (args) => execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const sql = npx(["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
const generated = sql.slice(sql.indexOf("-- "));
const raw = readdirSync("prisma/sql")
  .filter((f) => f.endsWith(".sql"))
  .sort()
  .map((f) => `\n-- prisma/sql/${f} (raw SQL: scripts/db-regen.mjs)\n${readFileSync(`prisma/sql/${f}`, "utf8")}`);
mkdirSync("prisma/migrations/0001_init", { recursive: true });
writeFileSync("prisma/migrations/0001_init/migration.sql", generated + raw.join(""));
writeFileSync("prisma/migrations/migration_lock.toml", 'provider = "sqlite"\n');
npx(["prisma", "generate"]);
console.log("prisma/migrations/0001_init regenerated");
