import { type Editor, Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { type MarkdownDocument, sourceOffsetToDoc, sourceRangeToDoc } from "@/lib/markdown";
import type { Restyle, SourceDecoration } from "@/lib/rfc-view/editor-decorations";

// §8.10 tracked changes (and §8.12 anchors) drawn over the editor. Callers
// give ranges in the Markdown source the editor was loaded from; they are
// mapped to editor positions, then through every edit made since loading.

export type { SourceDecoration };

export const DECORATION_CLASSES = {
  delete: "line-through decoration-rose-600 decoration-2 bg-rose-50 text-rose-800",
  insert: "underline decoration-emerald-600 decoration-2 underline-offset-2 bg-emerald-50 text-emerald-800",
  highlight: "bg-amber-100",
  /** Added blocks, rendered: a heading, list item or paragraph, marked as inserted as a whole. */
  insertBlocks: "my-1 block rounded-sm border-l-4 border-emerald-500 bg-emerald-50 pl-2 text-emerald-900 underline decoration-emerald-600 decoration-2 underline-offset-2",
};

/** A line a change turns into a heading, list item or quote, shown as one (its marker is structure, not text). */
const RESTYLE_CLASSES: Record<Restyle, string> = {
  h1: "text-3xl font-bold",
  h2: "text-2xl font-semibold",
  h3: "text-xl font-semibold",
  h4: "text-lg font-semibold",
  "list-item": "list-item list-disc ml-6",
  quote: "border-l-4 border-slate-300 pl-3 text-slate-600",
};
const RESTYLED = "bg-emerald-50 ring-1 ring-inset ring-emerald-300";

interface State {
  set: DecorationSet;
  /** Every change since the document was loaded: source positions are load-time positions. */
  sinceLoad: Mapping;
}
type Meta = { decorations: Decoration[] } | { reset: true };

const key = new PluginKey<State>("sourceDecorations");

/** The ProseMirror plugin behind `SourceDecorations` (state: decorations + edits since load). */
export function sourceDecorationsPlugin(): Plugin<State> {
  return new Plugin<State>({
    key,
    state: {
      init: () => ({ set: DecorationSet.empty, sinceLoad: new Mapping() }),
      apply(tr, value) {
        const meta = tr.getMeta(key) as Meta | undefined;
        if (meta && "reset" in meta) return { set: DecorationSet.empty, sinceLoad: new Mapping() };
        if (meta) return { set: DecorationSet.create(tr.doc, meta.decorations), sinceLoad: value.sinceLoad };
        if (!tr.docChanged) return value;
        value.sinceLoad.appendMapping(tr.mapping);
        return { set: value.set.map(tr.mapping, tr.doc), sinceLoad: value.sinceLoad };
      },
    },
    props: { decorations: (state) => key.getState(state)?.set },
  });
}

export const SourceDecorations = Extension.create({
  name: "sourceDecorations",
  addProseMirrorPlugins: () => [sourceDecorationsPlugin()],
});

const attrs = (d: { id?: string; title?: string }, className: string) => ({
  class: className,
  ...(d.title ? { title: d.title } : {}),
  ...(d.id ? { "data-change-id": d.id } : {}),
});

/** Show `decorations` (source offsets of `md.source`) in `editor`; ranges whose text is gone are skipped. */
export function setSourceDecorations(editor: Editor, md: MarkdownDocument, decorations: SourceDecoration[]): void {
  const shown = key.getState(editor.state);
  if (!decorations.length && (!shown || shown.set === DecorationSet.empty)) return; // nothing to draw or take away: no transaction
  const sinceLoad = shown?.sinceLoad ?? new Mapping();
  const size = editor.state.doc.content.size;
  const out: Decoration[] = [];
  // A source offset as a position in the editor now (edits since the load mapped through), or null when its text is gone.
  const mapped = (offset: number): number | null => {
    const at = sourceOffsetToDoc(md, offset);
    if (at === null) return null;
    const pos = sinceLoad.mapResult(at, 1);
    return pos.deleted || pos.pos > size ? null : pos.pos;
  };
  for (const d of decorations) {
    if (d.kind === "restyle") {
      const pos = mapped(d.at);
      if (pos === null) continue;
      const $pos = editor.state.doc.resolve(pos);
      if (!$pos.parent.isTextblock || $pos.depth === 0) continue;
      out.push(Decoration.node($pos.before(), $pos.after(), attrs(d, `${RESTYLE_CLASSES[d.as]} ${RESTYLED}`), { id: d.id }));
      continue;
    }
    if (d.kind === "insert-blocks") {
      const pos = mapped(d.at);
      if (pos === null) continue;
      const widget = () => {
        const div = document.createElement("div");
        Object.entries(attrs(d, DECORATION_CLASSES.insertBlocks)).forEach(([k, v]) => div.setAttribute(k, v));
        div.setAttribute("contenteditable", "false");
        div.innerHTML = d.html; // renderMarkdown's sanitised HTML (lib/rfc-view/editor-decorations.ts)
        return div;
      };
      out.push(Decoration.widget(pos, widget, { side: 1, key: `${d.id ?? ""}:blocks:${d.html}`, ignoreSelection: true, id: d.id }));
      continue;
    }
    if (d.kind === "insert") {
      const pos = mapped(d.at);
      if (pos === null) continue;
      const widget = () => {
        const span = document.createElement("span");
        Object.entries(attrs(d, DECORATION_CLASSES.insert)).forEach(([k, v]) => span.setAttribute(k, v));
        span.textContent = d.text;
        return span;
      };
      out.push(Decoration.widget(pos, widget, { side: 1, key: `${d.id ?? ""}:${d.text}`, ignoreSelection: true, id: d.id }));
      continue;
    }
    const range = sourceRangeToDoc(md, d.from, d.to);
    if (!range) continue;
    const from = sinceLoad.map(range.from, 1);
    const to = sinceLoad.map(range.to, -1);
    if (from >= to || to > size) continue;
    const className = d.kind === "delete" ? DECORATION_CLASSES.delete : (d.className ?? DECORATION_CLASSES.highlight);
    out.push(Decoration.inline(from, to, attrs(d, className), { id: d.id }));
  }
  editor.view.dispatch(editor.state.tr.setMeta(key, { decorations: out }).setMeta("addToHistory", false));
}

/** Forget the edits made so far: the editor now shows a freshly loaded document. */
export function resetSourceDecorations(editor: Editor): void {
  editor.view.dispatch(editor.state.tr.setMeta(key, { reset: true }).setMeta("addToHistory", false));
}

/** The decorations shown now, in editor positions (an insert is a point: from = to). */
export function shownDecorations(editor: Editor): Array<{ from: number; to: number; id?: string }> {
  const set = key.getState(editor.state)?.set ?? DecorationSet.empty;
  return set.find().map((d) => ({ from: d.from, to: d.to, id: (d.spec as { id?: string }).id }));
}
