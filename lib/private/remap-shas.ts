import "server-only";
import { db } from "@/lib/db/client";

// After a branch moved between public and private its commits have new SHAs
// (lib/private/replay). The app's own data that names commits of the branch
// follows: each change's base and resulting commit, and the commit named in
// system messages (a flush, an update from main). Audit rows are history and
// keep the SHAs they recorded; the move's own audit row holds the mapping.

export async function remapCommitShas(args: { slug: string; branch: string; map: Map<string, string> }): Promise<{ changes: number; messages: number }> {
  const { slug, branch, map } = args;
  const olds = [...map.keys()];
  if (!olds.length) return { changes: 0, messages: 0 };
  let changes = 0;
  const rows = await db().change.findMany({
    where: { rfcSlug: slug, branch, OR: [{ baseSha: { in: olds } }, { commitSha: { in: olds } }] },
    select: { id: true, baseSha: true, commitSha: true },
  });
  for (const r of rows) {
    await db().change.update({
      where: { id: r.id },
      data: { baseSha: (r.baseSha && map.get(r.baseSha)) || r.baseSha, commitSha: (r.commitSha && map.get(r.commitSha)) || r.commitSha },
    });
    changes++;
  }
  let messages = 0;
  const threads = await db().thread.findMany({ where: { rfcSlug: slug, branch }, select: { id: true } });
  const notes = await db().threadMessage.findMany({
    where: { threadId: { in: threads.map((t) => t.id) }, details: { not: null } },
    select: { id: true, details: true },
  });
  for (const m of notes) {
    const details = m.details ?? "";
    const next = olds.reduce((text, old) => (text.includes(old) ? text.split(old).join(map.get(old)!) : text), details);
    if (next === details) continue;
    await db().threadMessage.update({ where: { id: m.id }, data: { details: next } });
    messages++;
  }
  return { changes, messages };
}
