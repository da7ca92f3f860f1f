import "server-only";
import { actorFrom } from "@/lib/bot/actor";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { AppError } from "@/lib/http/errors";
import type { RfcContext } from "@/lib/rfcs/context";
import { postSystemMessage } from "@/lib/threads/messages";
import { refreshAfterWrite } from "./refresh";
import { editSubject, summarizeEdit } from "./sections";
import { writeDocument } from "./write-document";

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
 * ("Edit <section> on <branch>", On-behalf-of the author). Refused with 409
 * and the current head and text when `baseSha` is not the head. Then a
 * system message in the branch chat says who changed what (+N −M lines) and
 * pending changes whose original is no longer unique turn stale.
 */
export async function flushManualEdit(args: {
  rfc: RfcContext;
  branch: string;
  baseSha: string;
  text: string;
  user: Author;
}): Promise<FlushResult> {
  const { rfc, branch, user } = args;
  if (branch === "main") throw new AppError("forbidden", "Main is never edited directly (§6)");
  // The subject names the sections changed, which needs the text being replaced: writeDocument reads it.
  let summary = { sections: [] as string[], added: 0, removed: 0 };
  const res = await writeDocument({
    home: rfc.home,
    branch,
    baseSha: args.baseSha,
    text: args.text,
    actor: actorFrom(user),
    subject: (before) => {
      summary = summarizeEdit(before, args.text);
      return editSubject(summary.sections, branch);
    },
    audit: { kind: "manual_edit" },
  });
  if (!res.commitSha) return { headSha: res.headSha, commitSha: null, added: 0, removed: 0, sections: [], staleChangeIds: [] };

  const where = summary.sections.length ? summary.sections.join(", ") : "the document";
  await postSystemMessage({
    slug: rfc.slug,
    branch,
    body: `${user.name || user.login} changed ${where} (+${summary.added} −${summary.removed} lines)`,
    details: { kind: "manual_edit", login: user.login, ...summary, commitSha: res.commitSha },
  });
  const staleChangeIds = await markStaleChanges({ slug: rfc.slug, branch, text: args.text });
  await refreshAfterWrite(rfc.home);
  return { headSha: res.headSha, commitSha: res.commitSha, ...summary, staleChangeIds };
}
