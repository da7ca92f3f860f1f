"use client";

import { useEffect, useRef, type ReactNode } from "react";

// A small modal dialog: Escape and the backdrop close it, focus moves into it
// on open and back to where it was on close.

export function Modal({ title, onClose, children, width = "max-w-md" }: { title: string; onClose: () => void; children: ReactNode; width?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>("[autofocus], input, textarea, select, button");
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        onClose();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      before?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4 pt-[12vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} role="dialog" aria-modal="true" aria-label={title} className={`w-full ${width} rounded-lg bg-white shadow-xl ring-1 ring-slate-200`}>
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          <button type="button" onClick={onClose} className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label="Close dialog">
            ✕
          </button>
        </div>
        <div className="px-4 py-4">{children}</div>
      </div>
    </div>
  );
}

/** "Are you sure?" with a named, destructive confirm button. */
export function ConfirmModal(props: { title: string; body: ReactNode; confirm: string; busy?: boolean; error?: string | null; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <div className="text-sm text-slate-700">{props.body}</div>
      {props.error ? <p role="alert" className="mt-3 text-sm text-rose-700">{props.error}</p> : null}
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" disabled={props.busy} className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-700 disabled:opacity-50" onClick={props.onConfirm}>
          {props.busy ? "Working…" : props.confirm}
        </button>
      </div>
    </Modal>
  );
}
