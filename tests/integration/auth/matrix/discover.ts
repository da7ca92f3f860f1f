import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Finds what the matrix must cover, from the code itself, so that a new
// route or action without a row fails the test:
//  - every route handler file `app/api/**/route.ts`, each exported
//    POST / PUT / PATCH / DELETE, keyed "POST /api/rfcs/[slug]/claim";
//  - every file whose first statement is "use server", each exported
//    function, keyed "app/admin/actions.ts#promoteAdmin".

export const ROOT = path.resolve(__dirname, "../../../..");
export const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** "app/api/rfcs/[slug]/claim/route.ts" → "/api/rfcs/[slug]/claim" (route groups dropped). */
export function urlPathOf(file: string): string {
  const segments = rel(file).split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export type Discovered = { key: string; file: string; exportName: string };

type Module = Record<string, unknown>;
const importFile = (file: string) => import(file) as Promise<Module>;

export async function discoverRoutes(): Promise<Discovered[]> {
  const found: Discovered[] = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    if (!/\/route\.tsx?$/.test(file)) continue;
    // The module's real exports, not a regex: `export { handler as POST }` counts too.
    const mod = await importFile(file);
    for (const method of MUTATING)
      if (typeof mod[method] === "function") found.push({ key: `${method} ${urlPathOf(file)}`, file: rel(file), exportName: method });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** A "use server" directive before any other statement (comments allowed). */
export function isServerActionFile(source: string): boolean {
  const stripped = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(stripped);
}

export async function discoverActions(): Promise<Discovered[]> {
  const found: Discovered[] = [];
  for (const dir of ["app", "lib", "components"])
    for (const file of walk(path.join(ROOT, dir))) {
      if (!isServerActionFile(readFileSync(file, "utf8"))) continue;
      const mod = await importFile(file);
      for (const [name, value] of Object.entries(mod))
        if (typeof value === "function") found.push({ key: `${rel(file)}#${name}`, file: rel(file), exportName: name });
    }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** Loads what a key names (a route handler or a server action). */
export async function load(found: Discovered): Promise<(...args: unknown[]) => Promise<unknown>> {
  const mod = await importFile(path.join(ROOT, found.file));
  return mod[found.exportName] as (...args: unknown[]) => Promise<unknown>;
}
