"use client";

import { useEffect, useImperativeHandle, useRef, type Ref } from "react";

// The editing surface of contribute mode (§8.3, §8.11), behind the interface
// of components/editor/markdown-editor.tsx (props {source, editable, onChange,
// onBlur, decorations?}, handle getMarkdown()). Until the tiptap editor lands
// this is a plain-text stand-in over the same Markdown source; swapping it is
// this one file.

export type EditorHandle = { getMarkdown(): string; focus(): void };

type Props = {
  source: string;
  editable: boolean;
  onChange: () => void;
  onBlur: () => void;
  ref?: Ref<EditorHandle>;
};

export function DocumentEditor({ source, editable, onChange, onBlur, ref }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({
    getMarkdown: () => area.current?.value ?? source,
    focus: () => area.current?.focus(),
  }));
  // Grow with the text so the centre column scrolls, not a box inside it.
  const fit = () => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  };
  useEffect(fit, [source]);
  return (
    <textarea
      ref={area}
      defaultValue={source}
      readOnly={!editable}
      onChange={() => {
        fit();
        onChange();
      }}
      onBlur={onBlur}
      spellCheck
      aria-label="Document (Markdown)"
      className="block min-h-[60vh] w-full resize-none rounded-md border border-slate-200 bg-white px-4 py-3 font-mono text-[13.5px] leading-6 text-slate-900 shadow-inner focus:border-indigo-400 focus:outline-none focus:ring-2 focus:ring-indigo-100"
    />
  );
}
