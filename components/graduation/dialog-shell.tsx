"use client";

import { useEffect, useRef, type ReactNode } from "react";

// An accessible modal frame: role=dialog, focus moves in on open (the
// content may focus its first field once loaded) and back on close, Tab
// stays inside, Escape asks to close (the caller may refuse, e.g. while a
// graduation runs).

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

type Props = { labelledBy: string; onRequestClose: () => void; children: ReactNode };

export function DialogShell({ labelledBy, onRequestClose, children }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onRequestClose);
  close.current = onRequestClose;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    if (!panel.current?.contains(document.activeElement)) panel.current?.focus();
    return () => before?.focus?.();
  }, []);

  // On the document, not the panel: when the focused button disappears
  // (the form gives way to the step list) focus falls to <body>, and
  // Escape and Tab must still reach the dialog.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const root = panel.current;
      if (!root) return;
      if (e.key === "Escape") {
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== "Tab") return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      if (!items.length) return;
      const [first, last] = [items[0], items[items.length - 1]];
      const inside = root.contains(document.activeElement);
      if (!inside || (e.shiftKey && document.activeElement === first)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 sm:pt-16" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        className="w-full max-w-lg rounded-lg bg-white shadow-xl ring-1 ring-slate-900/10 focus:outline-none"
      >
        {children}
      </div>
    </div>
  );
}
