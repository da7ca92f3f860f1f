import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { db } from "@/lib/db/client";
import { liveWrite } from "@/lib/realtime/publish";
import { changeEvents } from "@/lib/realtime/thread-events";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import type { RfcContext } from "@/lib/rfcs/context";
import { postSystemMessage } from "@/lib/threads/messages";
import { changeViews } from "@/lib/threads/views";
import { cutBranch, type Visibility } from "./cut";
import type { BranchPlace } from "./place";

/**
 * §8.14 "Promote to branch": cuts a new branch from main and moves main's
 * buffered changes there as pending cards. Rows are updated in place (branch
 * and status change; id, thread and proposing message stay), so a card keeps
 * its link to the message in main's chat and there is one row per proposal.
 * Changes whose original is not unique in main's text turn stale at once.
 */
export async function promoteBuffered(args: {
  rfc: RfcContext;
  name: string;
  visibility: Visibility;
  actor: BotActor;
}): Promise<{ branch: { name: string; place: BranchPlace; headSha: string }; changeIds: string[]; staleChangeIds: string[] }> {
  const { rfc, actor } = args;
  const branch = await cutBranch({ rfc, name: args.name, visibility: args.visibility, actor });
  const buffered = await db().change.findMany({
    where: { rfcSlug: rfc.slug, branch: "main", status: "buffered" },
    orderBy: { createdAt: "asc" },
    select: { id: true, threadId: true },
  });
  const ids = buffered.map((c) => c.id);
  // Main's thread is public: a private branch's name must not reach it (README "What private means").
  const shown = branch.place.private ? null : branch.name;
  // Only rows still buffered move: a concurrent promote cannot move a change twice.
  const moved = await liveWrite(async (tx, emit) => {
    await tx.change.updateMany({
      where: { id: { in: ids }, status: "buffered" },
      data: { branch: branch.name, status: "pending", baseSha: branch.headSha, statusReason: null },
    });
    const rows = await tx.change.findMany({ where: { id: { in: ids }, branch: branch.name } });
    const views = await changeViews(rows);
    for (const [i, c] of rows.entries()) {
      // Main's viewers see the card leave the buffer; the new branch's see it arrive in full.
      const gone = { id: c.id, status: "pending", ...(shown ? { branch: shown } : {}) };
      for (const e of changeEvents({ ...c, branch: "main" }, "change_updated", gone)) emit(e);
      for (const e of changeEvents({ ...c, threadId: null }, "change", views[i])) emit(e);
    }
    return rows;
  });
  const doc = await readDocumentAt(branch.place);
  const staleChangeIds = await markStaleChanges({ slug: rfc.slug, branch: branch.name, text: doc.text });
  await postSystemMessage({
    slug: rfc.slug,
    branch: "main",
    body: `${actor.name} promoted ${moved.length} buffered change${moved.length === 1 ? "" : "s"} to ${shown ? `the new branch ${shown}` : "a new private branch"}`,
    details: { kind: "promote", login: actor.login, ...(shown ? { branch: shown } : {}), changeIds: moved.map((c) => c.id) },
  });
  return { branch, changeIds: moved.map((c) => c.id), staleChangeIds };
}
