"use client";

import type { Ref } from "react";
import { MarkdownEditor, type MarkdownEditorHandle } from "@/components/editor/markdown-editor";
import type { EditorBlock } from "@/lib/markdown";
import { DOC_CHANGE, DOC_THREAD, type SourceDecoration } from "@/lib/rfc-view/editor-decorations";

// The editing surface of contribute mode (§8.3, §8.11): the tiptap editor
// with Markdown as storage (components/editor), framed like the page, with
// the branch's pending changes and commented passages drawn over it (§8.10).

export type EditorHandle = MarkdownEditorHandle;

type Props = {
  source: string;
  /** The server's reading of `source`, when it came with it. */
  blocks?: EditorBlock[];
  editable: boolean;
  /** After each change, with a way to read the new Markdown (computed only if read). */
  onChange: (markdown: () => string) => void;
  onBlur: () => void;
  decorations: SourceDecoration[];
  onDecorationClick?: (kind: "change" | "thread", id: string) => void;
  ref?: Ref<EditorHandle>;
};

export function DocumentEditor({ source, blocks, editable, onChange, onBlur, decorations, onDecorationClick, ref }: Props) {
  return (
    <div
      className="min-h-[60vh] rounded-lg border border-slate-200 bg-white px-8 py-6 shadow-sm focus-within:border-indigo-300 focus-within:ring-2 focus-within:ring-indigo-100"
      onClick={(e) => {
        const id = (e.target as HTMLElement).closest<HTMLElement>("[data-change-id]")?.dataset.changeId ?? "";
        if (id.startsWith(DOC_CHANGE)) onDecorationClick?.("change", id.slice(DOC_CHANGE.length));
        else if (id.startsWith(DOC_THREAD)) onDecorationClick?.("thread", id.slice(DOC_THREAD.length));
      }}
    >
      <MarkdownEditor ref={ref} source={source} blocks={blocks} editable={editable} onChange={onChange} onBlur={onBlur} decorations={decorations} ariaLabel="Document editor" />
    </div>
  );
}
