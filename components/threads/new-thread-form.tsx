"use client";

import { useState } from "react";
import type { Anchor, ThreadSummary } from "@/lib/contracts";
import { api, paths } from "@/lib/client/api";
import { Modal } from "@/components/rfc/modal";
import { BTN, INPUT } from "@/components/rfc/styles";

// Opens a range or paragraph sub-thread (§8.12) with its first message.

type Props = { slug: string; branch: string; anchor: Anchor; onCreated: (thread: ThreadSummary) => void; onClose: () => void };

export function NewThreadForm({ slug, branch, anchor, onCreated, onClose }: Props) {
  const [body, setBody] = useState("");
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const quote = anchor.kind === "range" ? anchor.quote : anchor.blockText;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setState({ busy: true, error: null });
    const r = await api<{ thread: ThreadSummary }>(`${paths.branch(slug, branch)}/threads`, { method: "POST", json: { kind: anchor.kind, anchor, body: body.trim() } });
    if (!r.ok) return setState({ busy: false, error: r.message });
    onCreated(r.data.thread);
  };

  return (
    <Modal title={anchor.kind === "range" ? "Comment on this passage" : "Comment on this paragraph"} onClose={onClose} width="max-w-lg">
      <form onSubmit={submit} className="space-y-3">
        <blockquote className="max-h-36 overflow-y-auto whitespace-pre-wrap border-l-2 border-amber-300 bg-amber-50/50 py-1 pl-3 font-serif text-sm text-slate-700">{quote}</blockquote>
        <div>
          <label htmlFor="thread-body" className="sr-only">
            Comment
          </label>
          <textarea
            id="thread-body"
            autoFocus
            rows={4}
            className={INPUT}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder="What about it?"
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit(e);
            }}
          />
        </div>
        {state.error ? <p role="alert" className="text-sm text-rose-700">{state.error}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={BTN.ghost} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={BTN.primary} disabled={state.busy || !body.trim()}>
            {state.busy ? "Posting…" : "Comment"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
