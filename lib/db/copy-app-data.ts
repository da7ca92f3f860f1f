import { Prisma, type PrismaClient } from "@prisma/client";
import { isDbError } from "./errors";

// Moving an existing installation from SQLite to PostgreSQL (issue 19,
// README "Several instances"): the app's own data (§5) is copied row for row,
// ids kept; the cache of Gitea state is left behind, since the first sweep
// rebuilds it from Gitea (§4). Every model not named as cache is app data, so
// a model added later is copied without touching this file.

const CACHE = (name: string) => name.startsWith("Cached") || name === "RepoSync" || name === "SweepRun";
const PAGE = 500;

type Model = (typeof Prisma.dmmf.datamodel.models)[number];
type Delegate = {
  findMany(args: { skip: number; take: number; orderBy?: Record<string, "asc"> }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};

const delegate = (client: PrismaClient, model: Model) => (client as unknown as Record<string, Delegate>)[model.name[0].toLowerCase() + model.name.slice(1)];

/** The models holding the app's own data. */
export const appModels = (): Model[] => Prisma.dmmf.datamodel.models.filter((m) => !CACHE(m.name));

/** Copies one model's rows, page by page in id order; the count. */
async function copyModel(from: PrismaClient, to: PrismaClient, m: Model): Promise<number> {
  const id = m.fields.find((f) => f.name === "id");
  let n = 0;
  for (;;) {
    const rows = await delegate(from, m).findMany({ skip: n, take: PAGE, ...(id ? { orderBy: { id: "asc" } } : {}) });
    if (!rows.length) break;
    await delegate(to, m).createMany({ data: rows });
    n += rows.length;
  }
  // A serial id's sequence moves past the copied ids, so new rows do not collide.
  if (id?.type === "Int" && n > 0)
    await to.$executeRawUnsafe(
      `SELECT setval(s, m) FROM (SELECT pg_get_serial_sequence('"${m.name}"', 'id') AS s, (SELECT MAX(id) FROM "${m.name}") AS m) x WHERE s IS NOT NULL`,
    );
  return n;
}

/**
 * Copies every app row from `from` (SQLite) to `to` (PostgreSQL), which must
 * hold no app data yet (freshly migrated). A model whose rows point at
 * another's (a foreign key) waits for a later round until that one is in:
 * the generated client does not say which side of a relation holds the key.
 * Returns the rows copied per model.
 */
export async function copyAppData(from: PrismaClient, to: PrismaClient, log: (line: string) => void = () => undefined): Promise<Record<string, number>> {
  let pending = appModels();
  for (const m of pending) {
    if ((await delegate(to, m).count()) > 0) throw new Error(`The target already holds ${m.name} rows: copy into a freshly migrated, empty database.`);
  }
  const copied: Record<string, number> = {};
  while (pending.length) {
    const waiting: Model[] = [];
    let lastError: unknown = null;
    for (const m of pending) {
      try {
        copied[m.name] = await copyModel(from, to, m);
        log(`${m.name}: ${copied[m.name]}`);
      } catch (err) {
        // Only a first page can fail for a missing parent, and then nothing of it was written.
        if (!isDbError(err, "P2003")) throw err;
        if (await delegate(to, m).count()) throw err;
        waiting.push(m);
        lastError = err;
      }
    }
    if (waiting.length === pending.length) throw lastError;
    pending = waiting;
  }
  return copied;
}
