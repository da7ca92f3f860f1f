import { checkApplicable } from "@/lib/changes/locate";
import { wordDiff } from "@/lib/changes/word-diff";
import type { Change, ThreadSummary } from "@/lib/contracts";
import { placeThreads } from "@/lib/threads/place";
import { renderMarkdown } from "./markdown-render";
import { LINE_PREFIX } from "./marks";

// Contribute mode (§8.10, §8.12): pending changes and commented passages as
// the editor's source decorations (components/editor/decorations.ts), in
// offsets of the source the editor was loaded from. A change is drawn word
// by word: removed words struck through, added words inserted where they go.
// Ids carry a prefix so a click can tell a change from a thread, and so they
// never match the change cards' own data-change-id. Markdown markers are
// structure, never inserted text (issue 16): added blocks (a new heading,
// list item or paragraph) are drawn rendered, and a marker added at a line
// start restyles that line as what it becomes.

/** What a line becomes when a change adds a block marker at its start. */
export type Restyle = "h1" | "h2" | "h3" | "h4" | "list-item" | "quote";

export type SourceDecoration =
  | { kind: "delete"; from: number; to: number; id?: string; title?: string }
  | { kind: "insert"; at: number; text: string; id?: string; title?: string }
  /** Added blocks, rendered (sanitised HTML from renderMarkdown), shown where they go. */
  | { kind: "insert-blocks"; at: number; html: string; id?: string; title?: string }
  /** The line holding source offset `at` shown as what the change makes it. */
  | { kind: "restyle"; at: number; as: Restyle; id?: string; title?: string }
  | { kind: "highlight"; from: number; to: number; id?: string; title?: string; className?: string };

/** Where added text starts a new block: a blank line, or a line break before a block marker. */
const BLOCK_BREAK = /\n[ \t]*\n|\n(?= {0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>))/;

const TRAILING_MARKER = /\n( {0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?))$/;

function restyleOf(prefix: string): Restyle {
  const p = prefix.trim();
  if (p.startsWith("#")) return (`h${Math.min(4, p.length)}` as Restyle);
  return p.startsWith(">") ? "quote" : "list-item";
}

type Meta = { id: string; title: string };

/** An added segment at source offset `pos`: inline text, a restyled line, and/or rendered blocks. */
function insertion(source: string, at: number, added: string, meta: Meta): SourceDecoration[] {
  let pos = at;
  let text = added;
  // "new\n- " before "b" is "- new\n" before "- b": the word diff may put a
  // line's marker at the end of the insertion; whole lines are drawn better.
  const tail = TRAILING_MARKER.exec(text);
  const moved = tail ? pos - tail[1].length : -1;
  if (tail && moved >= 0 && source.slice(moved, pos) === tail[1] && (moved === 0 || source[moved - 1] === "\n")) {
    text = tail[1] + text.slice(0, tail.index + 1);
    pos = moved;
  }
  const lineStart = pos === 0 || source[pos - 1] === "\n";
  // Whole lines added before an existing one: all of it is blocks.
  if (lineStart && text.trim() && /\n\s*$/.test(text)) return [{ kind: "insert-blocks", at: pos, html: renderMarkdown(text.trim()), ...meta }];
  const out: SourceDecoration[] = [];
  const brk = BLOCK_BREAK.exec(text);
  let inline = brk ? text.slice(0, brk.index) : text;
  const blocks = brk ? text.slice(brk.index) : "";
  const marker = lineStart ? LINE_PREFIX.exec(inline) : null;
  if (marker) {
    out.push({ kind: "restyle", at: pos, as: restyleOf(marker[1]), ...meta });
    inline = inline.slice(marker[1].length);
  }
  if (inline) out.push({ kind: "insert", at: pos, text: inline, ...meta });
  if (blocks.trim()) out.push({ kind: "insert-blocks", at: pos, html: renderMarkdown(blocks.trim()), ...meta });
  return out;
}

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
    } else out.push(...insertion(source, pos, s.text, { id, title }));
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
