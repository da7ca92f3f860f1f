import "server-only";
import type { PromptMessage } from "@/lib/ai/prompt";
import { db } from "@/lib/db/client";
import { loadUserRefs } from "@/lib/threads/views";

// §18 "the recent messages within a token budget": the thread's newest
// messages, oldest first, for buildPrompt (which trims them to the budget).
// The AI's earlier replies carry a note of what they proposed and what
// became of it, since their change blocks are not part of the stored prose.

const MAX_MESSAGES = 120; // far beyond any budget; keeps the read bounded

const clip = (s: string, n = 160) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export async function recentHistory(threadId: string, replyId: string): Promise<PromptMessage[]> {
  const rows = await db().threadMessage.findMany({
    where: { threadId, id: { not: replyId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_MESSAGES,
  });
  // A failed or still-streaming reply is half an answer: leave it out.
  const kept = rows.reverse().filter((m) => m.authorKind !== "ai" || m.status === "complete");
  const aiIds = kept.filter((m) => m.authorKind === "ai").map((m) => m.id);
  const [users, changes] = await Promise.all([
    loadUserRefs(kept.map((m) => m.authorId)),
    aiIds.length
      ? db().change.findMany({ where: { messageId: { in: aiIds } }, orderBy: { blockIndex: "asc" } })
      : Promise.resolve([]),
  ]);
  return kept.map((m): PromptMessage => {
    if (m.authorKind === "system") return { role: "system", content: m.body };
    if (m.authorKind === "user") return { role: "user", author: m.authorId == null ? null : (users.get(m.authorId)?.name ?? null), content: m.body };
    const proposed = changes
      .filter((c) => c.messageId === m.id)
      .map((c) => `- "${clip(c.original)}" → "${clip(c.proposed)}" (${c.status})`);
    const note = proposed.length ? `\n\n[Changes you proposed in this message, and their status now:\n${proposed.join("\n")}]` : "";
    return { role: "assistant", content: m.body + note };
  });
}
