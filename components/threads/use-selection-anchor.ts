"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import type { Anchor } from "@/lib/contracts";
import { anchorFromSelection, occurrenceIndex } from "@/lib/rfc-view/selection-anchor";

// §8.12: watches the selection inside the rendered document. A selection
// within the blocks becomes a range anchor in the source (quote + context)
// and a position for the floating "Comment" button. A mouse selection is
// read when the button is released (not at every step of the drag); any
// other — a long press on a touch screen, which fires no mouseup, or the
// keyboard's selection keys — when the selection settles (selectionchange).
// The selection is read when the watch starts as well: a passage selected
// while the page was still loading (main's text comes with the HTML) or
// before a new text's listeners were attached would otherwise get no button.

/** How long a selection made without a mouse must stay still before its button shows: not at every key of a Shift+arrow run. */
const SETTLE_MS = 150;

export type SelectionAnchor = { anchor: Extract<Anchor, { kind: "range" }> | null; text: string; top: number; left: number };

const blockOf = (n: Node | null): HTMLElement | null => (n ? (n.nodeType === 1 ? (n as HTMLElement) : n.parentElement)?.closest<HTMLElement>("[data-block-start]") ?? null : null);

export function useSelectionAnchor(container: RefObject<HTMLElement | null>, source: string): [SelectionAnchor | null, () => void] {
  const [sel, setSel] = useState<SelectionAnchor | null>(null);
  const clear = useCallback(() => setSel(null), []);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const read = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed || s.rangeCount === 0) return setSel(null);
      const range = s.getRangeAt(0);
      const a = blockOf(range.startContainer);
      const b = blockOf(range.endContainer);
      if (!a || !b || !root.contains(a) || !root.contains(b)) return setSel(null);
      const text = s.toString();
      if (!text.trim()) return setSel(null);
      const start = Number(a.dataset.blockStart);
      const end = Number(b.dataset.blockEnd);
      // Which of several equal strings in the block was selected: count them in the text before it.
      const before = document.createRange();
      before.setStart(a, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const anchor = anchorFromSelection(source, { start, end }, text, occurrenceIndex(before.toString(), text));
      const box = range.getBoundingClientRect();
      const outer = root.getBoundingClientRect();
      setSel({ anchor, text, top: box.top - outer.top + root.scrollTop, left: Math.max(0, Math.min(box.left - outer.left + box.width / 2, outer.width - 40)) });
    };
    let timer: number | undefined;
    const readIn = (ms: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(read, ms);
    };
    let pressed = false;
    const onUp = () => {
      pressed = false;
      readIn(0);
    };
    // While a mouse drags, its mouseup reads; otherwise once the selection has been still for a moment.
    const onSelectionChange = () => {
      if (!pressed) readIn(SETTLE_MS);
    };
    // A drag may start outside the document and end inside it: any press holds the read until its mouseup.
    const onDocDown = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || (e.target as HTMLElement).closest?.("[data-selection-toolbar]")) return;
      pressed = true;
      if (root.contains(e.target)) setSel(null);
    };
    document.addEventListener("mouseup", onUp);
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("mousedown", onDocDown);
    read();
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("mouseup", onUp);
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("mousedown", onDocDown);
    };
  }, [container, source]);

  return [sel, clear];
}
