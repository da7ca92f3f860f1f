"use client";

import { useState } from "react";
import { api, openView, paths, viewUrl } from "@/lib/client/api";
import type { BranchNameLimit } from "@/lib/branches/names";
import { BranchNameField, branchNameOk } from "./branch-name-field";
import { Modal } from "./modal";
import { BTN } from "./styles";

// §8.3 "New branch": cut from main through the bot, then open it in contribute mode.

export function NewBranchDialog({ slug, limit, onClose }: { slug: string; limit: BranchNameLimit; onClose: () => void }) {
  const [name, setName] = useState("");
  const [priv, setPriv] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!branchNameOk(name, limit)) return;
    setState({ busy: true, error: null });
    const r = await api<{ branch: { name: string } | null }>(paths.branches(slug), { method: "POST", json: { name, visibility: priv ? "private" : "public" } });
    if (!r.ok) return setState({ busy: false, error: r.message });
    openView(`${viewUrl(slug, r.data.branch?.name ?? name)}&mode=contribute`);
  };

  return (
    <Modal title="New branch from main" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <BranchNameField limit={limit} value={name} onChange={(v) => (setName(v), state.error && setState({ busy: false, error: null }))} serverError={state.error} />
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" className="mt-1" checked={priv} onChange={(e) => setPriv(e.target.checked)} />
          <span>
            Private
            <span className="block text-xs text-slate-500">
              Only you, the RFC&apos;s owners and arbiters, and admins can see it — in Quorum and in Gitea, where it lives in a private repository. You can change this later.
            </span>
          </span>
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={BTN.ghost} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={BTN.primary} disabled={state.busy || !branchNameOk(name, limit)}>
            {state.busy ? "Creating…" : "Create branch"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
