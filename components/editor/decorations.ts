import { type Editor, Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { type MarkdownDocument, sourceOffsetToDoc, sourceRangeToDoc } from "@/lib/markdown";

// §8.10 tracked changes (and §8.12 anchors) drawn over the editor. Callers
// give ranges in the Markdown source the editor was loaded from; they are
// mapped to editor positions, then through every edit made since loading.

export type SourceDecoration =
  /** Existing text shown struck through (the original side of a pending change). */
  | { kind: "delete"; from: number; to: number; id?: string; title?: string }
  /** Text that is not in the document, shown underlined where it would go. */
  | { kind: "insert"; at: number; text: string; id?: string; title?: string }
  /** Existing text highlighted (comment anchors, search hits). */
  | { kind: "highlight"; from: number; to: number; id?: string; title?: string; className?: string };

export const DECORATION_CLASSES = {
  delete: "line-through decoration-rose-600 decoration-2 bg-rose-50 text-rose-800",
  insert: "underline decoration-emerald-600 decoration-2 underline-offset-2 bg-emerald-50 text-emerald-800",
  highlight: "bg-amber-100",
};

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
  const sinceLoad = key.getState(editor.state)?.sinceLoad ?? new Mapping();
  const size = editor.state.doc.content.size;
  const out: Decoration[] = [];
  for (const d of decorations) {
    if (d.kind === "insert") {
      const at = sourceOffsetToDoc(md, d.at);
      if (at === null) continue;
      const pos = sinceLoad.mapResult(at, 1);
      if (pos.deleted || pos.pos > size) continue;
      const widget = () => {
        const span = document.createElement("span");
        Object.entries(attrs(d, DECORATION_CLASSES.insert)).forEach(([k, v]) => span.setAttribute(k, v));
        span.textContent = d.text;
        return span;
      };
      out.push(Decoration.widget(pos.pos, widget, { side: 1, key: `${d.id ?? ""}:${d.text}`, ignoreSelection: true, id: d.id }));
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
