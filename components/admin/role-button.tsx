"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type RoleAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ login: string; role: string }>>;

// One promote/demote button per row; the server action checks the right (§6).
export function RoleButton({ action, login, label }: { action: RoleAction; login: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex items-center justify-end gap-3">
      <input type="hidden" name="login" value={login} />
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        aria-label={`${label} ${login}`}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 disabled:opacity-50"
      >
        {pending ? "Saving…" : label}
      </button>
    </form>
  );
}
