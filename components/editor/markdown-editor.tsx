"use client";

import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorContent, useEditor } from "@tiptap/react";
import { type Ref, useEffect, useImperativeHandle, useRef } from "react";
import { type EditorBlock, type MarkdownDocument, createMarkdownDocument, markdownExtensions } from "@/lib/markdown";
import { type SourceDecoration, SourceDecorations, resetSourceDecorations, setSourceDecorations } from "./decorations";
import { PROSE_RFC } from "./prose-classes";
import { whenIdle } from "./warm-up";

// The RFC document editor (§8). Markdown is the storage format: the editor
// shows the document parsed by lib/markdown, and getMarkdown() splices the
// edits back into the source, so untouched blocks keep their bytes.

export type MarkdownEditorHandle = {
  /** The source with the editor's changes spliced in (the source itself when nothing changed). */
  getMarkdown(): string;
  focus(): void;
};

export type MarkdownEditorProps = {
  source: string;
  /** `source` as the server read it (GET …/document?editor=1): the editor opens without parsing it (issue 15). */
  blocks?: EditorBlock[];
  editable: boolean;
  /**
   * Called after each change with a way to read the new Markdown. Nothing is
   * serialised per keystroke: the caller reads it when it needs it (a save, a
   * draft a moment later), and the text is computed once per document state.
   */
  onChange?(markdown: () => string): void;
  onBlur?(): void;
  /** Tracked changes and highlights, in offsets of `source` (see ./decorations.ts). */
  decorations?: SourceDecoration[];
  className?: string;
  ariaLabel?: string;
  ref?: Ref<MarkdownEditorHandle>;
};

const EXTENSIONS = [...markdownExtensions(), SourceDecorations];

// Each document state's Markdown, computed at most once: the flush, the
// local draft and the unload handler all ask for the same state.
const saved = new WeakMap<PmNode, { md: MarkdownDocument; text: string }>();
function markdownOf(md: MarkdownDocument, doc: PmNode): string {
  const hit = saved.get(doc);
  if (hit && hit.md === md) return hit.text;
  const text = md.save(doc);
  saved.set(doc, { md, text });
  return text;
}

/** `doc` is `md` as loaded, untouched: its Markdown is the source itself, with no save to run (the local draft asks as the editor opens). */
function loaded(md: MarkdownDocument, doc: PmNode): void {
  saved.set(doc, { md, text: md.source });
}

/** The document's blocks, ignoring the empty paragraphs an editor may hold (Markdown has none). */
const blocksOf = (doc: JSONContent) => JSON.stringify((doc.content ?? []).filter((n) => n.type !== "paragraph" || n.content?.length));

export function MarkdownEditor({ source, blocks, editable, onChange, onBlur, decorations, className, ariaLabel, ref }: MarkdownEditorProps) {
  const model = useRef<MarkdownDocument | null>(null);
  model.current ??= createMarkdownDocument(source, blocks);
  // Handlers change between renders; the editor is created once.
  const handlers = useRef({ onChange, onBlur });
  handlers.current = { onChange, onBlur };

  const editor = useEditor({
    extensions: EXTENSIONS,
    content: model.current.doc,
    editable,
    // Created in the first render in the browser, not in an effect after it
    // (one render and one commit less before the text is editable). On the
    // server there is none; a hydrating render reads useEditor's server
    // snapshot (no editor), so the markup matches.
    immediatelyRender: typeof window !== "undefined",
    editorProps: {
      attributes: {
        class: `${PROSE_RFC} ${className ?? ""}`,
        "aria-label": ariaLabel ?? "Document",
        spellcheck: "true",
      },
    },
    onUpdate: ({ editor: e }) => {
      const doc = e.state.doc;
      const md = model.current!;
      handlers.current.onChange?.(() => markdownOf(md, doc));
    },
    onBlur: () => handlers.current.onBlur?.(),
  });
  // The first render that has this editor: its view is not in the page yet, so nothing can have been typed.
  const fresh = useRef<typeof editor>(null);
  if (editor && fresh.current !== editor) {
    fresh.current = editor;
    loaded(model.current, editor.state.doc);
  }

  // A new source: keep the editor's state when it already shows that text
  // (our own save came back), otherwise load it.
  useEffect(() => {
    if (!editor || model.current?.source === source) return;
    const next = createMarkdownDocument(source, blocks);
    if (blocksOf(editor.getJSON()) !== blocksOf(next.doc)) {
      editor.commands.setContent(next.doc, { emitUpdate: false });
      loaded(next, editor.state.doc);
    }
    model.current = next;
    resetSourceDecorations(editor);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- blocks come with their source: a new source brings its own
  }, [editor, source]);

  // A document loaded from the server's blocks has no parser yet: it is made
  // in idle time once the text shows, so the first save is not the slow one.
  useEffect(() => (editor ? whenIdle(() => model.current?.prepareSave()) : undefined), [editor, source]);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (editor && model.current) setSourceDecorations(editor, model.current, decorations ?? []);
  }, [editor, decorations, source]);

  useImperativeHandle(
    ref,
    () => ({
      getMarkdown: () => (editor && model.current ? markdownOf(model.current, editor.state.doc) : source),
      focus: () => editor?.commands.focus(),
    }),
    [editor, source],
  );

  return <EditorContent editor={editor} />;
}
