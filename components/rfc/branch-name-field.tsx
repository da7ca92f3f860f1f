"use client";

import { checkBranchName } from "@/lib/branches/names";
import { INPUT } from "./styles";

// A branch name input with the §11 rules checked as the user types; the
// server checks again (and says when the name is taken).

export function BranchNameField({ value, onChange, serverError, id = "branch-name" }: { value: string; onChange: (v: string) => void; serverError?: string | null; id?: string }) {
  const check = value ? checkBranchName(value) : null;
  const problem = check && !check.ok ? check.reason : (serverError ?? null);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Branch name
      </label>
      <input
        id={id}
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="e.g. clarify-motivation"
        aria-invalid={!!problem}
        aria-describedby={`${id}-help`}
        className={`${INPUT} mt-1 font-mono`}
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${id}-help`} className={`mt-1 text-xs ${problem ? "text-rose-700" : "text-slate-500"}`} role={problem ? "alert" : undefined}>
        {problem ?? "Lowercase letters, digits, - _ . and /, at most 64 characters."}
      </p>
    </div>
  );
}

export const branchNameOk = (v: string) => !!v && checkBranchName(v).ok;
