import { rmSync } from "node:fs";
import path from "node:path";
import { PG_TEMPLATE_ENV, TEMPLATE_ENV } from "./db-paths";
import type { TestPostgres } from "./postgres";

/** Removes this run's template database and stops its PostgreSQL cluster, if any (global-setup.ts). */
export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) rmSync(path.dirname(template), { recursive: true, force: true });
  delete process.env[TEMPLATE_ENV];
  const holder = globalThis as { quorumTestPostgres?: TestPostgres };
  await holder.quorumTestPostgres?.stop();
  holder.quorumTestPostgres = undefined;
  delete process.env[PG_TEMPLATE_ENV];
}
