"use client";

import { useState } from "react";
import type { Change } from "@/lib/contracts";
import { api, openView, paths, viewUrl } from "@/lib/client/api";
import { BranchNameField, branchNameOk } from "@/components/rfc/branch-name-field";
import type { BranchNameLimit } from "@/lib/branches/names";
import { BTN } from "@/components/rfc/styles";
import { ChangeCard } from "./change-card";

// §8.14 the discuss-mode buffer on main: AI proposals wait here; "Promote to
// branch" cuts a branch from main and moves them there as pending cards.

type Props = { slug: string; branchLimit: BranchNameLimit; changes: Change[]; loading: boolean; canPromote: boolean; onReload: () => void; onShowMessage: (c: Change) => void };

export function BufferPanel({ slug, branchLimit, changes, loading, canPromote, onReload, onShowMessage }: Props) {
  const buffered = changes.filter((c) => c.status === "buffered");
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const promote = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!branchNameOk(name, branchLimit)) return;
    setState({ busy: true, error: null });
    const r = await api<{ branch: { name: string } | null }>(`${paths.branch(slug, "main")}/promote`, { method: "POST", json: { name } });
    if (!r.ok) return setState({ busy: false, error: r.message });
    openView(viewUrl(slug, r.data.branch?.name ?? name));
  };

  if (loading && !changes.length) return <p className="p-4 text-sm text-slate-500">Loading the buffer…</p>;
  return (
    <div className="space-y-3 p-3">
      <p className="text-xs text-slate-600">
        On main, nothing is committed: AI proposals are kept in this buffer. Promote them to a new branch to work on them.
      </p>
      {buffered.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">The buffer is empty.</p>
      ) : (
        <>
          {canPromote ? (
            open ? (
              <form onSubmit={promote} className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
                <BranchNameField id="promote-name" limit={branchLimit} value={name} onChange={setName} serverError={state.error} />
                <div className="flex gap-2">
                  <button type="submit" className={BTN.primary} disabled={state.busy || !branchNameOk(name, branchLimit)}>
                    {state.busy ? "Promoting…" : `Promote ${buffered.length} to branch`}
                  </button>
                  <button type="button" className={BTN.ghost} onClick={() => setOpen(false)}>
                    Cancel
                  </button>
                </div>
              </form>
            ) : (
              <button type="button" className={BTN.primary} onClick={() => setOpen(true)}>
                Promote to branch…
              </button>
            )
          ) : null}
          <ul className="space-y-3" aria-label="Buffered changes">
            {buffered.map((c) => (
              <ChangeCard key={c.id} change={c} canDecide={false} selected={false} onDecided={onReload} onShowMessage={onShowMessage} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
