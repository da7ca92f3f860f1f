"use client";

import { useState } from "react";
import { api, paths } from "@/lib/client/api";
import { isWorkInProgress, WIP_TITLE_HINT } from "@/lib/prs/merge-state";
import { Modal } from "./modal";
import { BTN, INPUT } from "./styles";

// §9 open a PR from the branch to main, with a title and a description.

export function OpenPrDialog({ slug, branch, onDone, onClose }: { slug: string; branch: string; onDone: () => void; onClose: () => void }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setState({ busy: true, error: null });
    const r = await api(`${paths.branch(slug, branch)}/pr`, { method: "POST", json: { title: title.trim(), description } });
    if (!r.ok) return setState({ busy: false, error: r.message });
    onDone();
  };
  return (
    <Modal title={`Open a pull request from ${branch}`} onClose={onClose} width="max-w-lg">
      <form onSubmit={submit} className="space-y-3">
        <div>
          <label htmlFor="pr-title" className="text-sm font-medium text-slate-800">
            Title
          </label>
          <input id="pr-title" autoFocus className={`${INPUT} mt-1`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} aria-describedby="pr-title-help" />
          {isWorkInProgress(title.trim()) ? (
            <p id="pr-title-help" className="mt-1 text-xs text-amber-700">
              {WIP_TITLE_HINT}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="pr-description" className="text-sm font-medium text-slate-800">
            Description
          </label>
          <textarea id="pr-description" rows={5} className={`${INPUT} mt-1`} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What changes, and why" />
        </div>
        {state.error ? <p role="alert" className="text-sm text-rose-700">{state.error}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={BTN.ghost} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={BTN.primary} disabled={state.busy || !title.trim()}>
            {state.busy ? "Opening…" : "Open pull request"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
