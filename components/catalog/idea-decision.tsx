"use client";

import { useActionState, useState } from "react";
import { declineIdeaAction, mergeIdeaAction } from "@/app/(catalog)/actions";

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-wait disabled:opacity-60";

/** Merge / decline controls of one pending idea (admins, §7.3). Decline asks for a reason. */
export function IdeaDecision({ number, title }: { number: number; title: string }) {
  const [mergeState, merge, merging] = useActionState(mergeIdeaAction, null);
  const [declineState, decline, declining] = useActionState(declineIdeaAction, null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const busy = merging || declining;
  const failure = [mergeState, declineState].find((s) => s && !s.ok);
  const reasonError = declineState && !declineState.ok ? declineState.fieldErrors?.reason : undefined;

  return (
    <div className="flex shrink-0 flex-col gap-2 lg:items-end">
      {!asking ? (
        <div className="flex gap-2">
          <form action={merge}>
            <input type="hidden" name="number" value={number} />
            <button type="submit" disabled={busy} className={`${button} bg-emerald-600 text-white hover:bg-emerald-700`} aria-label={`Merge idea ${title}`}>
              {merging ? "Merging…" : "Merge"}
            </button>
          </form>
          <button type="button" disabled={busy} onClick={() => setAsking(true)} className={`${button} bg-white text-rose-700 ring-1 ring-inset ring-rose-300 hover:bg-rose-50`} aria-label={`Decline idea ${title}`}>
            Decline
          </button>
        </div>
      ) : (
        <form action={decline} className="w-full space-y-2 lg:w-80">
          <input type="hidden" name="number" value={number} />
          <label htmlFor={`reason-${number}`} className="block text-sm font-medium text-slate-700">
            Why decline “{title}”?
          </label>
          <textarea
            id={`reason-${number}`}
            name="reason"
            rows={3}
            required
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!reasonError}
            aria-describedby={reasonError ? `reason-${number}-error` : undefined}
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          />
          {reasonError && (
            <p id={`reason-${number}-error`} className="text-sm text-rose-700">
              {reasonError}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => setAsking(false)} className={`${button} text-slate-700 hover:bg-slate-100`}>
              Cancel
            </button>
            <button type="submit" disabled={busy} className={`${button} bg-rose-600 text-white hover:bg-rose-700`}>
              {declining ? "Declining…" : "Decline idea"}
            </button>
          </div>
        </form>
      )}
      {failure && !failure.ok && !reasonError && (
        <p role="alert" className="text-sm text-rose-700">
          {failure.message}
        </p>
      )}
    </div>
  );
}
