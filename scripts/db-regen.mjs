// Regenerates the single init migration from prisma/schema.prisma, then the
// client. Until the first release there is one migration (docs/ARCHITECTURE.md).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const npx = (args) => execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const sql = npx(["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
const body = sql.slice(sql.indexOf("-- "));
mkdirSync("prisma/migrations/0001_init", { recursive: true });
writeFileSync("prisma/migrations/0001_init/migration.sql", body);
writeFileSync("prisma/migrations/migration_lock.toml", 'provider = "sqlite"\n');
npx(["prisma", "generate"]);
console.log("prisma/migrations/0001_init regenerated");
