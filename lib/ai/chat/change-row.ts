import "server-only";
import { inBackground } from "@/lib/background";
import type { ChangeEvent } from "@/lib/changes/parser";
import { writeDetails } from "@/lib/changes/details";
import { notifyCardMentions } from "@/lib/notifications/events";
import { liveWrite } from "@/lib/realtime/publish";
import { changeEvents } from "@/lib/realtime/thread-events";
import { toChange, type ChangeView } from "@/lib/threads/views";
import type { ChatContext } from "./context";
import { judgeChange } from "./judge-change";
import { repairChange } from "./repair-change";

// §18: each complete change block becomes a `changes` row tied to its message
// and to the branch head SHA the reply was based on, judged against the text
// at that head (judge-change.ts). The model's original is stored as sent: a
// card that did not match exactly is invalid, never re-pointed, and when the
// model may fix it, it is asked once (repair-change.ts). Published at once,
// so other viewers' card panels update while the reply is still streaming (§8.4).

export type ReplyTarget = {
  slug: string;
  branch: string;
  onMain: boolean;
  threadId: string;
  messageId: string;
  modelId: string;
  /** Who asked: an automatic repair counts against their rate limit. */
  askedBy: number;
};

export async function createChangeRow(target: ReplyTarget, ctx: Pick<ChatContext, "doc" | "scope">, block: ChangeEvent): Promise<ChangeView> {
  const verdict = judgeChange({ doc: ctx.doc.text, change: block, onMain: target.onMain, scope: ctx.scope });
  const change = await liveWrite(async (tx, emit) => {
    const row = await tx.change.create({
      data: {
        rfcSlug: target.slug,
        branch: target.branch,
        threadId: target.threadId,
        messageId: target.messageId,
        blockIndex: block.index,
        original: block.original,
        proposed: block.proposed,
        reason: block.reason.trim(),
        status: verdict.status,
        statusReason: verdict.statusReason,
        baseSha: ctx.doc.headSha,
        modelId: target.modelId,
        details: writeDetails(verdict.details),
      },
    });
    const view = toChange(row, new Map());
    for (const e of changeEvents(row, "change", view)) emit(e);
    return view;
  });
  // Off the reply's path: a person the card names hears of it from the one who asked (§15).
  void notifyCardMentions({ change: { id: change.id, rfcSlug: target.slug, branch: target.branch }, texts: [block.proposed, block.reason], known: [block.original], authorId: target.askedBy, edit: false });
  if (verdict.repairable) {
    // In the background: the reply goes on streaming; the card updates when the repair settles.
    const where = { doc: ctx.doc, onMain: target.onMain, scope: ctx.scope };
    const repair = repairChange({ changeId: change.id, userId: target.askedBy, automatic: true, where }).catch((err: unknown) =>
      console.warn(`[quorum] automatic repair of change ${change.id} failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    void inBackground(`repair of change ${change.id}`, repair);
  }
  return change;
}
