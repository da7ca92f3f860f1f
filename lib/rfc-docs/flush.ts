import "server-only";
import { actorFrom } from "@/lib/bot/actor";
import { withBranchLock } from "@/lib/branches/lock";
import type { BranchPlace } from "@/lib/branches/place";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { AppError } from "@/lib/http/errors";
import type { RfcContext } from "@/lib/rfcs/context";
import { postSystemMessage } from "@/lib/threads/messages";
import { readDocumentAtCommit } from "./read-document";
import { refreshAfterWrite } from "./refresh";
import { editSubject, summarizeEdit } from "./sections";
import { headMoved, writeDocument } from "./write-document";

export type FlushResult = {
  headSha: string;
  commitSha: string | null; // null when the text was already the branch's
  added: number;
  removed: number;
  sections: string[];
  staleChangeIds: string[];
};

type Author = { id: number; login: string; name: string };

/**
 * §8.11 manual edits: the editor's text becomes one bot commit on the branch
 * ("Edit <section> on <branch>", On-behalf-of the author). The write is
 * based on the document at `baseSha` (remembered, or one read) and guarded
 * by its blob sha, so it is refused with 409 and the current head and text
 * when the document changed since — no silent overwrite. Then a system
 * message in the branch chat says who changed what (+N −M lines) and
 * pending changes whose original is no longer unique turn stale.
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
  const before = await readDocumentAtCommit(place, args.baseSha);
  if (!before) return headMoved(place); // not a commit holding the document here: whatever the editor had, it is not the head
  const summary = summarizeEdit(before.text, args.text);
  // Under the branch's lock: an accept or a move between public and private runs before or after, never between.
  const res = await withBranchLock(rfc.slug, branch, () =>
    writeDocument({
      place,
      before,
      text: args.text,
      actor: actorFrom(user),
      subject: editSubject(summary.sections, branch),
      audit: { kind: "manual_edit" },
    }),
  );
  if (res.kind === "moved") return headMoved(place);
  if (res.kind === "unchanged") return { headSha: args.baseSha, commitSha: null, added: 0, removed: 0, sections: [], staleChangeIds: [] };

  const where = summary.sections.length ? summary.sections.join(", ") : "the document";
  await postSystemMessage({
    slug: rfc.slug,
    branch,
    body: `${user.name || user.login} changed ${where} (+${summary.added} −${summary.removed} lines)`,
    details: { kind: "manual_edit", login: user.login, ...summary, commitSha: res.commitSha },
  });
  const staleChangeIds = await markStaleChanges({ slug: rfc.slug, branch, text: args.text });
  await refreshAfterWrite(place, { head: { from: res.parentSha, to: res.commitSha } });
  return { headSha: res.commitSha, commitSha: res.commitSha, ...summary, staleChangeIds };
}
