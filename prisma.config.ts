import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI runs on its built-in wasm schema engine through the driver
// adapter, so nothing is downloaded (STACK.md).
const url = process.env.DATABASE_URL ?? "file:./data/quorum.db";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
