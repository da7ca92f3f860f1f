"use client";

import { useMemo, useRef } from "react";
import type { Anchor } from "@/lib/contracts";
import type { Overlay } from "@/lib/rfc-view/overlays";
import { renderDocument } from "@/lib/rfc-view/render-document";
import { paragraphAnchor } from "@/lib/rfc-view/selection-anchor";
import { documentBlocks } from "@/lib/threads/blocks";
import { useSelectionAnchor } from "@/components/threads/use-selection-anchor";
import { Html } from "@/components/ui/html";
import { CommentIcon, FlagIcon } from "./icons";
import { PROSE } from "./styles";

// The document in discuss mode (§8.2): rendered, read-only, with pending
// changes drawn inline (§8.10) and commented passages highlighted (§8.12).
// Select text → "Comment" / "Flag"; hover a block → the comment icon for a paragraph thread.

type Props = {
  source: string;
  overlays: Overlay[];
  canComment: boolean;
  canFlag: boolean;
  onComment: (anchor: Anchor) => void;
  onFlagPassage: (anchor: Anchor, text: string) => void;
  onMarkClick: (kind: "thread" | "change", ref: number) => void;
};

export function ReadOnlyDocument({ source, overlays, canComment, canFlag, onComment, onFlagPassage, onMarkClick }: Props) {
  const blocks = useMemo(() => renderDocument(source, overlays), [source, overlays]);
  // The editor's block split, for paragraph anchors: a whole parse of the
  // document, so it is made here, where it is used, and never while the
  // editor is open (issue 15, the 86 KB document editable within 150 ms).
  const serverBlocks = useMemo(() => documentBlocks(source), [source]);
  const root = useRef<HTMLDivElement>(null);
  const [sel, clearSel] = useSelectionAnchor(root, source);

  if (!source.trim()) {
    return <p className="mt-10 text-center text-sm text-slate-500">This document is empty.</p>;
  }
  return (
    <div
      ref={root}
      className="relative"
      onClick={(e) => {
        const el = (e.target as HTMLElement).closest<HTMLElement>("[data-thread], [data-change]");
        if (!el) return;
        if (el.dataset.thread) onMarkClick("thread", Number(el.dataset.thread));
        else if (el.dataset.change) onMarkClick("change", Number(el.dataset.change));
      }}
    >
      <article className={PROSE} aria-label="Document">
        {blocks.map((b) => {
          const para = canComment ? paragraphAnchor(source, serverBlocks, b.start) : null;
          return (
            <div key={`${b.index}:${b.start}`} className="group/block relative" data-block-start={b.start} data-block-end={b.end} data-block-type={b.type}>
              <Html html={b.html} />
              {para ? (
                <button
                  type="button"
                  onClick={() => onComment(para)}
                  className="absolute -left-9 top-1 grid h-7 w-7 place-items-center rounded-md text-slate-500 opacity-0 hover:bg-indigo-50 hover:text-indigo-700 focus:opacity-100 focus:outline-2 focus:outline-indigo-500 group-hover/block:opacity-100"
                  aria-label="Comment on this paragraph"
                  title="Comment on this paragraph"
                >
                  <CommentIcon />
                </button>
              ) : null}
            </div>
          );
        })}
      </article>
      {sel && (canComment || canFlag) ? (
        <div
          data-selection-toolbar
          className="absolute z-20 flex -translate-x-1/2 -translate-y-full gap-1 rounded-md bg-slate-900 p-1 shadow-lg"
          style={{ top: sel.top - 6, left: sel.left }}
        >
          {sel.anchor ? (
            <>
              {canComment ? (
                <button type="button" className="inline-flex items-center rounded px-2 py-1 text-xs font-medium text-white hover:bg-slate-700" onMouseDown={(e) => e.preventDefault()} onClick={() => (onComment(sel.anchor!), clearSel())}>
                  <CommentIcon className="mr-1 inline" />
                  Comment
                </button>
              ) : null}
              {canFlag ? (
                <button type="button" className="inline-flex items-center rounded px-2 py-1 text-xs font-medium text-white hover:bg-slate-700" onMouseDown={(e) => e.preventDefault()} onClick={() => (onFlagPassage(sel.anchor!, sel.text), clearSel())}>
                  <FlagIcon className="mr-1 inline" />
                  Flag
                </button>
              ) : null}
            </>
          ) : (
            <span className="px-2 py-1 text-xs text-slate-200">This selection cannot be anchored; select plain text within the document.</span>
          )}
        </div>
      ) : null}
    </div>
  );
}
