"use client";

import { useState } from "react";
import { api } from "@/lib/client/api";
import type { EmailMode, MailSettings } from "@/lib/contracts/notifications";

// The choice of issue 14: in-app only, email at once, or a daily digest.
// Email choices are disabled, with the reason, when the server has no SMTP
// settings or Gitea gave no address.

const OPTIONS: { value: EmailMode; label: string; hint: string }[] = [
  { value: "in_app", label: "In the app only", hint: "The bell in the header; no email." },
  { value: "instant", label: "Email at once", hint: "One email for each notification, as it happens." },
  { value: "digest", label: "Daily digest", hint: "One email a day with everything since the last one." },
];

export function EmailSettingsForm({ initial }: { initial: MailSettings }) {
  const [mode, setMode] = useState<EmailMode>(initial.emailMode);
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: string | null }>({ busy: false, saved: false, error: null });
  const noEmail = !initial.mailEnabled ? "Email is not set up on this server." : !initial.email ? "Gitea has no email address for you; add one there and sign in again." : null;

  const save = async (next: EmailMode) => {
    setMode(next);
    setState({ busy: true, saved: false, error: null });
    const r = await api<MailSettings>("/api/notifications/settings", { method: "PUT", json: { emailMode: next } });
    if (!r.ok) {
      setMode(mode);
      return setState({ busy: false, saved: false, error: r.message });
    }
    setState({ busy: false, saved: true, error: null });
  };

  return (
    <form className="mt-6 space-y-3" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="space-y-2" disabled={state.busy}>
        <legend className="text-sm font-medium text-slate-900">Email</legend>
        {OPTIONS.map((o) => {
          const off = o.value !== "in_app" && noEmail !== null;
          return (
            <label key={o.value} className={`flex items-start gap-3 rounded-lg border p-3 ${mode === o.value ? "border-indigo-400 bg-indigo-50" : "border-slate-200"} ${off ? "opacity-60" : "cursor-pointer"}`}>
              <input type="radio" name="emailMode" value={o.value} checked={mode === o.value} disabled={off} onChange={() => void save(o.value)} className="mt-1" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{o.label}</span>
                <span className="block text-xs text-slate-600">{o.hint}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <p className="text-xs text-slate-600" aria-live="polite">
        {noEmail ?? `Email goes to ${initial.email}.`} {state.saved ? <span className="text-emerald-700">Saved.</span> : null}
      </p>
      {state.error ? <p role="alert" className="text-sm text-rose-700">{state.error}</p> : null}
    </form>
  );
}
