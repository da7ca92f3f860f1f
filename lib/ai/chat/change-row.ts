import "server-only";
import type { ChangeEvent } from "@/lib/changes/parser";
import { db } from "@/lib/db/client";
import { threadEvents } from "@/lib/realtime/thread-events";
import { toChange, type ChangeView } from "@/lib/threads/views";
import type { ChatContext } from "./context";
import { judgeChange } from "./judge-change";

// §18: each complete change block becomes a `changes` row tied to its message
// and to the branch head SHA the reply was based on, judged against the text
// at that head (judge-change.ts). Published at once, so other viewers' card
// panels update while the reply is still streaming (§8.4).

export type ReplyTarget = { slug: string; branch: string; onMain: boolean; threadId: string; messageId: string; modelId: string };

export async function createChangeRow(target: ReplyTarget, ctx: Pick<ChatContext, "doc" | "scope">, block: ChangeEvent): Promise<ChangeView> {
  const verdict = judgeChange({ doc: ctx.doc.text, change: block, onMain: target.onMain, scope: ctx.scope });
  const row = await db().change.create({
    data: {
      rfcSlug: target.slug,
      branch: target.branch,
      threadId: target.threadId,
      messageId: target.messageId,
      blockIndex: block.index,
      original: verdict.original,
      proposed: block.proposed,
      reason: block.reason.trim(),
      status: verdict.status,
      statusReason: verdict.statusReason,
      baseSha: ctx.doc.headSha,
      modelId: target.modelId,
      details: verdict.details ? JSON.stringify(verdict.details) : null,
    },
  });
  const change = toChange(row, new Map());
  threadEvents.publish(target.threadId, { type: "change", data: change });
  return change;
}
