"use client";

import type { FieldCheck } from "@/lib/graduation/types";

// The two §13.2 inputs. A format error shows at once; whether the id or the
// repo name is free comes from the debounced check, shown only when it
// answers for exactly what is in the field.

type FieldProps = {
  id: string;
  label: string;
  hint: string;
  value: string;
  disabled: boolean;
  formatError: string | null;
  server: FieldCheck | null;
  checking: boolean;
  prefix?: string;
  autoFocus?: boolean;
  onChange: (value: string) => void;
};

export function Field(p: FieldProps) {
  const fresh = p.server && p.server.value === p.value ? p.server : null;
  const error = p.formatError ?? (fresh && !fresh.ok ? fresh.message : null);
  const status = error ? null : fresh?.ok ? "Available" : p.checking ? "Checking…" : null;
  return (
    <div>
      <label htmlFor={p.id} className="block text-sm font-medium text-slate-700">
        {p.label}
      </label>
      <div className={`mt-1 flex rounded-md border bg-white focus-within:ring-2 ${error ? "border-red-400 focus-within:ring-red-200" : "border-slate-300 focus-within:ring-indigo-200"}`}>
        {p.prefix && <span className="select-none self-center pl-2 font-mono text-sm text-slate-500">{p.prefix}</span>}
        <input
          id={p.id}
          name={p.id}
          value={p.value}
          disabled={p.disabled}
          autoFocus={p.autoFocus}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={!!error}
          aria-describedby={`${p.id}-hint`}
          onChange={(e) => p.onChange(e.target.value)}
          className="w-full rounded-md bg-transparent px-2 py-1.5 font-mono text-sm outline-none disabled:text-slate-500"
        />
      </div>
      <p id={`${p.id}-hint`} className={`mt-1 text-xs ${error ? "text-red-700" : status === "Available" ? "text-emerald-700" : "text-slate-500"}`}>
        {error ?? status ?? p.hint}
      </p>
    </div>
  );
}
