"use client";

import { useState } from "react";
import { FLAG_KIND_TEXT, type Flag } from "@/lib/contracts";
import { api } from "@/lib/client/api";
import { BTN, INPUT } from "@/components/rfc/styles";
import { timeAgo } from "@/components/chat/format";

// §8.13 open flags for owners and arbiters, each resolvable with a short note.

type Props = { flags: Flag[]; loading: boolean; error: string | null; onReload: () => void; onShowMessage: (f: Flag) => void };

const KIND_STYLE: Record<Flag["kind"], string> = {
  needs_arbiter: "bg-violet-50 text-violet-800 ring-violet-200",
  blocking: "bg-rose-50 text-rose-800 ring-rose-200",
  off_topic: "bg-slate-100 text-slate-700 ring-slate-200",
};

function FlagItem({ flag: f, onReload, onShowMessage }: { flag: Flag; onReload: () => void; onShowMessage: (f: Flag) => void }) {
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState("");
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const resolve = async () => {
    setState({ busy: true, error: null });
    const r = await api(`/api/flags/${encodeURIComponent(f.id)}`, { method: "PATCH", json: { status: "resolved", ...(note.trim() ? { resolution: note.trim() } : {}) } });
    if (!r.ok) return setState({ busy: false, error: r.message });
    onReload();
  };
  const passage = f.anchor ? (f.anchor.kind === "range" ? f.anchor.quote : f.anchor.blockText) : null;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-start gap-2 text-xs">
        <span className={`shrink-0 whitespace-nowrap rounded px-1.5 py-0.5 font-medium ring-1 ring-inset ${KIND_STYLE[f.kind]}`}>{FLAG_KIND_TEXT[f.kind].label}</span>
        <span className="min-w-0 pt-0.5 text-slate-500">
          on {f.branch} · {f.createdBy?.name ?? "someone"} · {timeAgo(f.createdAt)}
        </span>
      </div>
      {passage ? <blockquote className="mt-2 line-clamp-3 border-l-2 border-amber-300 pl-2 font-serif text-[13px] text-slate-700">{passage}</blockquote> : null}
      {f.note ? <p className="mt-2 text-sm text-slate-800">{f.note}</p> : null}
      {f.messageId || f.threadId ? (
        <button type="button" className="mt-2 block text-xs text-indigo-700 underline" onClick={() => onShowMessage(f)}>
          {f.messageId ? "Show the message" : "Open the thread"}
        </button>
      ) : null}
      {state.error ? <p role="alert" className="mt-2 text-xs text-rose-700">{state.error}</p> : null}
      {resolving ? (
        <div className="mt-2 space-y-2">
          <input className={INPUT} value={note} onChange={(e) => setNote(e.target.value)} placeholder="How it was settled (optional)" aria-label="Resolution" autoFocus />
          <div className="flex gap-2">
            <button type="button" className={BTN.primary} disabled={state.busy} onClick={() => void resolve()}>
              {state.busy ? "Resolving…" : "Resolve"}
            </button>
            <button type="button" className={BTN.ghost} onClick={() => setResolving(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`${BTN.small} mt-2`} onClick={() => setResolving(true)}>
          Resolve…
        </button>
      )}
    </li>
  );
}

export function OpenFlags({ flags, loading, error, onReload, onShowMessage }: Props) {
  if (loading && !flags.length) return <p className="p-4 text-sm text-slate-500">Loading flags…</p>;
  if (error && !flags.length) return <p role="alert" className="p-4 text-sm text-rose-700">Flags could not be loaded: {error}</p>;
  if (!flags.length) return <p className="p-4 text-sm text-slate-500">No open flags. Flags raised on messages or passages of this RFC show up here.</p>;
  return (
    <ul className="space-y-2 p-3">
      {flags.map((f) => (
        <FlagItem key={f.id} flag={f} onReload={onReload} onShowMessage={onShowMessage} />
      ))}
    </ul>
  );
}
