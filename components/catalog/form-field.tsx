import type { ReactNode } from "react";

/** A labelled field with its hint and error, wired for screen readers. */
export function FormField(props: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  const { id, label, hint, error, children } = props;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass = (invalid: boolean) =>
  `block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-1 ${
    invalid ? "border-rose-400 focus:border-rose-500 focus:ring-rose-500" : "border-slate-300 focus:border-indigo-500 focus:ring-indigo-500"
  }`;

export const describedBy = (id: string, error?: string, hint = true) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);
