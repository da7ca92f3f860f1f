"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Modal } from "@/components/rfc/modal";
import { BTN } from "@/components/rfc/styles";
import type { ApiError } from "@/lib/client/api";

// The lifecycle dialogs' frame: a form in a modal that sends once, keeps
// everything typed when the server refuses, and puts a field's error beside
// that field (a 400 names it in details.field).

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: ApiError): FieldErrors {
  const fromDetails = err.details?.fieldErrors as FieldErrors | undefined;
  if (fromDetails) return fromDetails;
  const field = typeof err.details?.field === "string" ? err.details.field : null;
  return field ? { [field]: err.message.replace(new RegExp(`^${field}: `), "") } : {};
}

export function FormDialog(props: {
  title: string;
  submit: string;
  danger?: boolean;
  width?: string;
  onClose: () => void;
  /** Sends the form; an error keeps the dialog open with the typed text. */
  onSubmit: () => Promise<ApiError | null>;
  onFieldErrors: (errors: FieldErrors) => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    props.onFieldErrors({});
    const failed = await props.onSubmit();
    setBusy(false);
    if (!failed) return props.onClose();
    const fields = fieldErrorsOf(failed);
    props.onFieldErrors(fields);
    if (!Object.keys(fields).length) setError(failed.message);
  };
  return (
    <Modal title={props.title} onClose={props.onClose} width={props.width ?? "max-w-lg"}>
      <form onSubmit={send} noValidate className="space-y-4">
        {props.children}
        {error ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" className={BTN.secondary} onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy} className={props.danger ? BTN.dangerSolid : BTN.primary}>
            {busy ? "Working…" : props.submit}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A labelled input or textarea with its hint and error, wired for screen readers. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  const { id, error, hint } = props;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const cls = `block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:outline-none focus:ring-2 ${
    error ? "border-rose-400 focus:ring-rose-200" : "border-slate-300 focus:border-indigo-500 focus:ring-indigo-200"
  }`;
  const common = { id, name: id, value: props.value, autoFocus: props.autoFocus, placeholder: props.placeholder, "aria-invalid": !!error, "aria-describedby": described, className: cls };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <div className="mt-1">
        {props.multiline ? (
          <textarea {...common} rows={props.rows ?? 4} onChange={(e) => props.onChange(e.target.value)} />
        ) : (
          <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of radio buttons shown as a segmented choice. */
export function Choice<T extends string>(props: { legend: string; name: string; value: T; options: { value: T; label: string; hint?: string }[]; onChange: (v: T) => void; error?: string }) {
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-slate-800">{props.legend}</legend>
      <div className="mt-1 grid gap-2 sm:grid-flow-col sm:auto-cols-fr">
        {props.options.map((o) => (
          <label key={o.value} className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm ${props.value === o.value ? "border-indigo-400 bg-indigo-50" : "border-slate-300 hover:bg-slate-50"}`}>
            <input type="radio" name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} className="mt-0.5" />
            <span>
              <span className="font-medium text-slate-900">{o.label}</span>
              {o.hint ? <span className="block text-xs text-slate-500">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {props.error ? <p className="mt-1 text-sm text-rose-700">{props.error}</p> : null}
    </fieldset>
  );
}
