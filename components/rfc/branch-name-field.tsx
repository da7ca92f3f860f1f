"use client";

import { checkBranchName, MAX_BRANCH_NAME, type BranchNameLimit } from "@/lib/branches/names";
import { INPUT } from "./styles";

// A branch name input with the §11 rules checked as the user types; the
// server checks again (and says when the name is taken). `limit` is the
// RFC's (branchNameLimit): less than 64 for a super-draft with a long slug.

const ANY: BranchNameLimit = { max: MAX_BRANCH_NAME, why: null };

type Props = { value: string; onChange: (v: string) => void; serverError?: string | null; id?: string; limit?: BranchNameLimit };

export function BranchNameField({ value, onChange, serverError, id = "branch-name", limit = ANY }: Props) {
  const check = value ? checkBranchName(value, limit) : null;
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
        {problem ?? `Lowercase letters, digits, - _ . and /, at most ${limit.max} characters${limit.why ? ` (${limit.why})` : ""}.`}
      </p>
    </div>
  );
}

export const branchNameOk = (v: string, limit: BranchNameLimit = ANY) => !!v && checkBranchName(v, limit).ok;
