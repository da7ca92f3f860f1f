import { checkApplicable } from "@/lib/changes/locate";
import { wordDiff } from "@/lib/changes/word-diff";
import type { Change, ThreadSummary } from "@/lib/contracts";
import { placeThreads } from "@/lib/threads/place";

// Contribute mode (§8.10, §8.12): pending changes and commented passages as
// the editor's source decorations (components/editor/decorations.ts), in
// offsets of the source the editor was loaded from. A change is drawn word
// by word: removed words struck through, added words inserted where they go.
// Ids carry a prefix so a click can tell a change from a thread, and so they
// never match the change cards' own data-change-id.

export type SourceDecoration =
  | { kind: "delete"; from: number; to: number; id?: string; title?: string }
  | { kind: "insert"; at: number; text: string; id?: string; title?: string }
  | { kind: "highlight"; from: number; to: number; id?: string; title?: string; className?: string };

export const DOC_CHANGE = "doc-change:";
export const DOC_THREAD = "doc-thread:";

export function changeDecorations(source: string, change: Pick<Change, "id" | "original" | "proposed" | "editedText" | "reason">): SourceDecoration[] {
  const at = checkApplicable(source, change.original);
  if (!at.ok) return []; // never drawn at a guessed place
  const out: SourceDecoration[] = [];
  const id = DOC_CHANGE + change.id;
  const title = change.reason || "Proposed change";
  let pos = at.span.start;
  for (const s of wordDiff(change.original, change.editedText ?? change.proposed)) {
    if (s.kind === "same") pos += s.text.length;
    else if (s.kind === "removed") {
      out.push({ kind: "delete", from: pos, to: pos + s.text.length, id, title });
      pos += s.text.length;
    } else out.push({ kind: "insert", at: pos, text: s.text, id, title });
  }
  return out;
}

/**
 * `source` is the text the editor was loaded from; `threads` are placed in
 * the branch's text now (lib/threads/place.ts). A thread detached now is not
 * drawn; an attached one is placed again in `source`, never drawn at a
 * range computed on another text: the editor maps these offsets through
 * every edit since it loaded, so a highlight stays on its words as text is
 * typed before it.
 */
export function editorDecorations(source: string, changes: Change[], threads: ThreadSummary[], activeThreadId: string | null): SourceDecoration[] {
  const out: SourceDecoration[] = [];
  for (const c of changes) if (c.status === "pending") out.push(...changeDecorations(source, c));
  const inSource = placeThreads(source, threads);
  threads.forEach((now, i) => {
    const t = inSource[i];
    if (t.kind === "main" || now.anchorState !== "attached" || t.anchorState !== "attached" || !t.anchorRange) return;
    const { start, end } = t.anchorRange;
    if (end <= start || end > source.length) return;
    out.push({ kind: "highlight", from: start, to: end, id: DOC_THREAD + t.id, title: t.title, className: t.id === activeThreadId ? "bg-amber-300/80" : "bg-amber-100 cursor-pointer" });
  });
  return out;
}
