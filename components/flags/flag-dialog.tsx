"use client";

import { useState } from "react";
import type { Anchor, FlagKind } from "@/lib/contracts";
import { api } from "@/lib/client/api";
import { Modal } from "@/components/rfc/modal";
import { BTN, INPUT } from "@/components/rfc/styles";
import { FLAG_KIND_TEXT, FLAG_KINDS } from "@/lib/contracts";

// §8.13 flag a message or a passage with a reason and a note.

export type FlagTarget = { messageId?: string; threadId?: string; anchor?: Anchor; label: string };

type Props = { slug: string; branch: string; target: FlagTarget; onDone: () => void; onClose: () => void };

export function FlagDialog({ slug, branch, target, onDone, onClose }: Props) {
  const [kind, setKind] = useState<FlagKind>("needs_arbiter");
  const [note, setNote] = useState("");
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setState({ busy: true, error: null, done: false });
    const r = await api("/api/flags", {
      method: "POST",
      json: { rfcSlug: slug, branch, kind, note: note.trim(), ...(target.messageId ? { messageId: target.messageId } : {}), ...(target.threadId ? { threadId: target.threadId } : {}), ...(target.anchor ? { anchor: target.anchor } : {}) },
    });
    if (!r.ok) return setState({ busy: false, error: r.message, done: false });
    setState({ busy: false, error: null, done: true });
    onDone();
  };

  return (
    <Modal title="Flag for the RFC's owners" onClose={onClose}>
      {state.done ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">Flagged. The RFC&apos;s owners and arbiters see it in their open flags.</p>
          <div className="flex justify-end">
            <button type="button" className={BTN.primary} onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-3">
          <p className="line-clamp-3 border-l-2 border-slate-300 pl-2 text-sm text-slate-600">{target.label}</p>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Reason</legend>
            <div className="mt-1 space-y-1">
              {FLAG_KINDS.map((k) => (
                <label key={k} className="flex cursor-pointer items-start gap-2 rounded-md p-1.5 hover:bg-slate-50">
                  <input type="radio" name="flag-kind" className="mt-1" checked={kind === k} onChange={() => setKind(k)} />
                  <span className="text-sm">
                    <span className="font-medium text-slate-900">{FLAG_KIND_TEXT[k].label}</span>
                    <span className="block text-xs text-slate-500">{FLAG_KIND_TEXT[k].hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="flag-note" className="text-sm font-medium text-slate-800">
              Note
            </label>
            <textarea id="flag-note" rows={3} className={`${INPUT} mt-1`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Say what needs attention" />
          </div>
          {state.error ? <p role="alert" className="text-sm text-rose-700">{state.error}</p> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={BTN.ghost} onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={BTN.primary} disabled={state.busy}>
              {state.busy ? "Flagging…" : "Flag"}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
