import "server-only";
import type { GitWrite } from "@prisma/client";
import { actorFrom } from "@/lib/bot/actor";
import { withBranchLock } from "@/lib/branches/lock";
import type { BranchPlace } from "@/lib/branches/place";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { db } from "@/lib/db/client";
import { mayHaveLanded } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import type { RfcContext } from "@/lib/rfcs/context";
import { getOrCreateMainThread } from "@/lib/threads/main-thread";
import { postSystemMessage } from "@/lib/threads/messages";
import { crashPoint } from "@/lib/writes/crash-point";
import { findLanded, namesEdit, type Landed } from "@/lib/writes/find-landed";
import { failWrite, findWrite, noteCommit, openWrite, requestOf, resultOf, settleWrite } from "@/lib/writes/journal";
import { flushKey } from "@/lib/writes/keys";
import { readDocumentAtCommit } from "./read-document";
import { refreshAfterWrite } from "./refresh";
import { editSubject, summarizeEdit, type EditSummary } from "./sections";
import { fileTextFor, headMoved, writeDocument } from "./write-document";

export type FlushResult = {
  headSha: string;
  commitSha: string | null; // null when the text was already the branch's
  added: number;
  removed: number;
  sections: string[];
  staleChangeIds: string[];
};

type Author = { id: number; login: string; name: string };
type FlushRequest = EditSummary & { place: BranchPlace; login: string; name: string };

/** The §8.11 chat note, once per commit however often the flush is settled. */
async function noteInChat(w: GitWrite, req: FlushRequest, commitSha: string): Promise<void> {
  const thread = await getOrCreateMainThread(w.rfcSlug, w.branch);
  const posted = await db().threadMessage.findFirst({ where: { threadId: thread.id, authorKind: "system", details: { contains: commitSha } }, select: { id: true } });
  if (posted) return;
  const where = req.sections.length ? req.sections.join(", ") : "the document";
  await postSystemMessage({
    slug: w.rfcSlug,
    branch: w.branch,
    body: `${req.name || req.login} changed ${where} (+${req.added} −${req.removed} lines)`,
    details: { kind: "manual_edit", login: req.login, sections: req.sections, added: req.added, removed: req.removed, commitSha },
  });
}

/** Everything after the flush's commit, idempotent: the chat note, §8.11's stale rule, the cache. */
async function settleFlush(w: GitWrite, landed: Landed & { text?: string }): Promise<FlushResult> {
  const req = requestOf<FlushRequest>(w) as FlushRequest;
  await noteCommit(w.id, landed.commitSha);
  await noteInChat(w, req, landed.commitSha);
  const text = landed.text ?? (await readDocumentAtCommit(req.place, landed.commitSha))?.text;
  const staleChangeIds = text === undefined ? [] : await markStaleChanges({ slug: w.rfcSlug, branch: w.branch, text });
  await refreshAfterWrite(req.place, landed.parentSha ? { head: { from: landed.parentSha, to: landed.commitSha } } : {});
  const result: FlushResult = { headSha: landed.commitSha, commitSha: landed.commitSha, added: req.added, removed: req.removed, sections: req.sections, staleChangeIds };
  if (!(await settleWrite(w.id, landed.commitSha, result))) return resultOf<FlushResult>((await findWrite(w.key))!) ?? result;
  return result;
}

/** Settles a flush left open: its commit found by its Edit-Id trailer, or failed when none landed. Throws when Gitea cannot tell. */
export async function settleOpenFlush(w: GitWrite): Promise<FlushResult | null> {
  const landed = w.commitSha ? { commitSha: w.commitSha, parentSha: null } : await findLanded(w, namesEdit(w.id));
  if (!landed) {
    await failWrite(w.id, "No commit of this edit reached the branch.");
    return null;
  }
  return settleFlush(w, landed);
}

/** The first answer to this very flush (same branch, base and text) by this person, settled first if left open. */
async function priorFlush(key: string, userId: number): Promise<FlushResult | null> {
  let w = await findWrite(key);
  if (!w || w.userId !== userId) return null;
  if (w.state === "open") {
    await settleOpenFlush(w);
    w = await findWrite(key);
  }
  return w?.state === "settled" ? resultOf<FlushResult>(w) : null;
}

/**
 * §8.11 manual edits: the editor's text becomes one bot commit on the branch
 * ("Edit <section> on <branch>", On-behalf-of the author). The write is
 * based on the document at `baseSha` (remembered, or one read) and guarded
 * by its blob sha, so it is refused with 409 and the current head and text
 * when the document changed since — no silent overwrite. Then a system
 * message in the branch chat says who changed what (+N −M lines) and
 * pending changes whose original is no longer unique turn stale. Journaled
 * (lib/writes): the same flush sent again gets the first answer, and one
 * whose commit landed while its answer was lost is settled all the same.
 */
export async function flushManualEdit(args: {
  rfc: RfcContext;
  place: BranchPlace;
  baseSha: string;
  text: string;
  user: Author;
}): Promise<FlushResult> {
  const { rfc, place, user } = args;
  const branch = place.name;
  if (branch === "main") throw new AppError("forbidden", "Main is never edited directly (§6)");
  const key = flushKey(place.repoName, place.ref, args.baseSha, args.text);
  // Under the branch's lock: an accept or a move between public and private runs before or after, never between.
  return withBranchLock(rfc.slug, branch, async () => {
    const prior = await priorFlush(key, user.id);
    if (prior) return prior;
    const before = await readDocumentAtCommit(place, args.baseSha);
    if (!before) return headMoved(place); // not a commit holding the document here: whatever the editor had, it is not the head
    if (fileTextFor(place.home, before, args.text) === before.fileText) {
      return { headSha: args.baseSha, commitSha: null, added: 0, removed: 0, sections: [], staleChangeIds: [] };
    }
    const summary = summarizeEdit(before.text, args.text);
    const request: FlushRequest = { ...summary, place, login: user.login, name: user.name };
    const w = await openWrite({ key, kind: "flush", rfcSlug: rfc.slug, branch, repo: place.repoName, ref: place.ref, baseSha: args.baseSha, userId: user.id, request });
    let res;
    try {
      res = await writeDocument({
        place, before, text: args.text, actor: actorFrom(user), subject: editSubject(summary.sections, branch),
        trailers: [["Edit-Id", w.id]], audit: { kind: "manual_edit" },
      });
    } catch (err) {
      const landed = mayHaveLanded(err) ? await findLanded(w, namesEdit(w.id)).catch(() => undefined) : null;
      if (landed === undefined) throw new AppError("upstream", "Gitea did not confirm the commit and cannot be asked now; your text is kept: save again in a moment.");
      if (!landed) {
        await failWrite(w.id, err instanceof Error ? err.message : String(err));
        throw err;
      }
      crashPoint("flush:after-write");
      return settleFlush(w, landed);
    }
    if (res.kind !== "written") {
      await failWrite(w.id, `nothing written (${res.kind})`);
      return headMoved(place);
    }
    crashPoint("flush:after-write");
    return settleFlush(w, { commitSha: res.commitSha, parentSha: res.parentSha, text: args.text });
  });
}
