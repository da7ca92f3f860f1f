import "server-only";
import type { Thread } from "@prisma/client";
import { parseAnchor, resolveAnchor, type Block } from "@/lib/anchors";
import { db } from "@/lib/db/client";
import { documentBlocks } from "./blocks";
import type { ThreadSummary } from "@/lib/contracts";
import { loadUserRefs } from "./views";

// docs/API.md ThreadSummary: a thread with where its anchor sits in the
// branch's current text (§8.12). `text` null = unknown (a deleted branch).


export async function summarizeThreads(rows: Thread[], text: string | null): Promise<ThreadSummary[]> {
  const [users, counts] = await Promise.all([
    loadUserRefs(rows.map((t) => t.createdBy)),
    db().threadMessage.groupBy({ by: ["threadId"], where: { threadId: { in: rows.map((t) => t.id) } }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.threadId, c._count._all]));
  let blocks: Block[] | null = null;
  const blocksOf = () => (blocks ??= documentBlocks(text ?? ""));
  return rows.map((t) => {
    const anchor = t.kind === "main" ? null : parseAnchor(t.anchor);
    const resolved = anchor && text !== null ? resolveAnchor(text, anchor, blocksOf) : null;
    return {
      id: t.id,
      kind: t.kind as ThreadSummary["kind"],
      branch: t.branch,
      anchor,
      anchorState: resolved?.state ?? null,
      anchorRange: resolved?.state === "attached" ? { start: resolved.start, end: resolved.end } : null,
      title: t.title,
      createdBy: t.createdBy == null ? null : (users.get(t.createdBy) ?? null),
      messageCount: countOf.get(t.id) ?? 0,
      createdAt: t.createdAt.toISOString(),
    };
  });
}

export async function toThreadView(thread: Thread, text: string | null): Promise<ThreadSummary> {
  return (await summarizeThreads([thread], text))[0];
}
