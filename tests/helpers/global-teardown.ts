import { rmSync } from "node:fs";
import path from "node:path";
import { TEMPLATE_ENV } from "./db-paths";

/** Removes this run's template database (global-setup.ts). */
export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) rmSync(path.dirname(template), { recursive: true, force: true });
  delete process.env[TEMPLATE_ENV];
}
