// `npm run bench`: runs every bench/*.bench.ts in turn (each default-exports an async function).
import { readdirSync } from "node:fs";
import path from "node:path";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !only.length || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    console.log(`\n=== ${file}`);
    const mod = (await import(path.join(__dirname, file))) as { default: () => Promise<void> };
    await mod.default();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
