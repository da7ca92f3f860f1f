"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRef, useState, type ReactNode } from "react";

// The app's modal dialog, on Radix UI's Dialog: focus moves in on open (to
// the first field, else the dialog), Tab stays inside, Escape and a click
// outside close it, and focus returns where it was. `canClose={false}`
// keeps it open while something runs that must not be left (a graduation).

type Props = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  width?: string;
  canClose?: boolean;
  /** The dialog draws its own heading (with this id) instead of the title bar. */
  labelledBy?: string;
};

export function Modal({ title, onClose, children, width = "max-w-md", canClose = true, labelledBy }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Where focus was when the dialog opened. Radix gives focus back to a
  // Dialog.Trigger; these dialogs are opened from state, so they do it here.
  const [returnTo] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  return (
    <Dialog.Root open onOpenChange={(open) => !open && canClose && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <div className="pointer-events-none fixed inset-0 z-50 flex items-start justify-center overflow-y-auto p-4 pt-[12vh]">
          <Dialog.Content
            ref={box}
            aria-describedby={undefined}
            {...(labelledBy ? { "aria-labelledby": labelledBy } : {})}
            onOpenAutoFocus={(e) => {
              // The first field, not the close button: typing can start at once.
              const field = box.current?.querySelector<HTMLElement>("[autofocus], input:not([type=hidden]), textarea, select");
              if (field) {
                e.preventDefault();
                field.focus();
              }
            }}
            onCloseAutoFocus={(e) => {
              e.preventDefault();
              if (returnTo?.isConnected) returnTo.focus();
            }}
            className={`pointer-events-auto w-full ${width} rounded-lg bg-white shadow-xl ring-1 ring-slate-200 focus:outline-none`}
          >
            {labelledBy ? (
              <Dialog.Title className="sr-only">{title}</Dialog.Title>
            ) : (
              <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
                <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
                <Dialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label="Close dialog">
                  ✕
                </Dialog.Close>
              </div>
            )}
            {labelledBy ? children : <div className="px-4 py-4">{children}</div>}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
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
