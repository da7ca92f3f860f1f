import "server-only";
import type { Thread } from "@prisma/client";
import { db } from "@/lib/db/client";
import { isDbError } from "@/lib/db/errors";

// §8.4: each branch has one chat thread, created on first read. `mainKey` is
// unique, so two first reads racing still make one thread. Rows are keyed by
// the display name: (slug, "main") is the same thread before and after
// graduation (§5, §13.4).

const keyOf = (slug: string, branch: string) => `${slug}\n${branch}`;

export async function getOrCreateMainThread(slug: string, branch: string): Promise<Thread> {
  const mainKey = keyOf(slug, branch);
  const found = await db().thread.findUnique({ where: { mainKey } });
  if (found) return found;
  try {
    return await db().thread.create({ data: { rfcSlug: slug, branch, kind: "main", mainKey, title: branch } });
  } catch (err) {
    if (isDbError(err, "P2002")) {
      const row = await db().thread.findUnique({ where: { mainKey } });
      if (row) return row;
    }
    throw err;
  }
}
