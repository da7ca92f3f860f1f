import path from "node:path";
import { parseArgs } from "node:util";
import { behaviourFromEnv } from "./behaviour";
import { startForge } from "./server";

// npm run forge — start the local forge alone (FORGE.md "Operation").
//   --port (FORGE_PORT, default 3001)  --data (FORGE_DATA, default ./data/forge)
//   --admin-token (FORGE_ADMIN_TOKEN)  --root-url (FORGE_ROOT_URL)  --quiet
//   FORGE_GITEA_VERSION (1.22 | 1.24, default 1.24), FORGE_MERGE_CHECK_MS, FORGE_WEBHOOK_ORDER (behaviour.ts)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      data: { type: "string" },
      "admin-token": { type: "string" },
      "root-url": { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port ?? process.env.FORGE_PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.FORGE_PORT}`);
  const dataDir = path.resolve(values.data ?? process.env.FORGE_DATA ?? "./data/forge");
  const forge = await startForge({
    port,
    dataDir,
    adminToken: values["admin-token"] ?? process.env.FORGE_ADMIN_TOKEN,
    rootUrl: values["root-url"] ?? process.env.FORGE_ROOT_URL,
    log: !values.quiet,
    giteaVersion: process.env.FORGE_GITEA_VERSION,
    behaviour: behaviourFromEnv(process.env),
  });
  console.log(`Local forge (Gitea ${forge.forge.gitea.release}) listening on ${forge.url} (data: ${dataDir})`);
  console.log(`Site admin: forge-admin, token ${forge.adminToken}`);
  const stop = () => void forge.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
