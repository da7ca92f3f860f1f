// The environment for command-line scripts (cache:rebuild, backup, restore):
// what `next start` would read (.env, .env.local …), and on a development
// machine without GITEA_URL the local forge settings `npm run dev` saved in
// data/local-forge.json. Variables already set always win.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";

export function loadScriptEnv(): void {
  loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
  const local = path.resolve(process.env.QUORUM_DATA ?? "data", "local-forge.json");
  if (!process.env.GITEA_URL && existsSync(local)) {
    const saved = JSON.parse(readFileSync(local, "utf8")) as Record<string, string>;
    for (const [key, value] of Object.entries(saved)) process.env[key] ??= value;
  }
  process.env.DATABASE_URL ??= `file:${path.resolve(process.env.QUORUM_DATA ?? "data", "quorum.db")}`;
}
