"use client";

import { useState } from "react";
import type { Change } from "@/lib/contracts";
import { api } from "@/lib/client/api";
import { BTN } from "@/components/rfc/styles";
import { ChangeCard } from "./change-card";

// The branch's change cards (§8.8): pending first, then the ones that need a
// look (invalid, stale, failed: each says why and can be dismissed or, when
// invalid, sent back to the AI), decided ones folded away. Several pending
// cards can be accepted as one commit ("Accept selected").

const ATTENTION = new Set(["invalid", "stale", "failed"]);

type Props = {
  changes: Change[];
  loading: boolean;
  error: string | null;
  canDecide: boolean;
  canAskAi?: boolean;
  onReload: () => void;
  onShowMessage: (c: Change) => void;
};

export function ChangeList({ changes, loading, error, canDecide, canAskAi = false, onReload, onShowMessage }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batch, setBatch] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [notice, setNotice] = useState<string | null>(null);
  const afterDecision = (refusal?: string) => {
    setNotice(refusal ?? null);
    onReload();
  };
  const pending = changes.filter((c) => c.status === "pending");
  const attention = changes.filter((c) => ATTENTION.has(c.status));
  const decided = changes.filter((c) => c.status !== "pending" && !ATTENTION.has(c.status));
  const chosen = pending.filter((c) => selected.has(c.id)).map((c) => c.id);

  const acceptSelected = async () => {
    setBatch({ busy: true, error: null });
    const r = await api("/api/changes/accept-batch", { method: "POST", json: { changeIds: chosen } });
    setBatch({ busy: false, error: r.ok ? null : r.message });
    setSelected(new Set());
    onReload();
  };
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  if (loading && !changes.length) return <p className="p-4 text-sm text-slate-500">Loading changes…</p>;
  if (error && !changes.length)
    return (
      <div role="alert" className="m-3 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
        Changes could not be loaded: {error}{" "}
        <button type="button" className="underline" onClick={onReload}>
          Retry
        </button>
      </div>
    );
  if (!changes.length)
    return (
      <p className="p-4 text-sm text-slate-500">
        No changes proposed on this branch yet. Ask the AI in the chat; its proposals show up here as cards you can accept, edit or decline.
      </p>
    );
  return (
    <div className="space-y-3 p-3">
      {notice ? (
        <div role="alert" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="min-w-0 flex-1">{notice}</p>
          <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {canDecide && pending.length > 1 ? (
        <div className="flex items-center gap-2">
          <button type="button" className={BTN.small} disabled={!chosen.length || batch.busy} onClick={() => void acceptSelected()}>
            {batch.busy ? "Accepting…" : `Accept selected (${chosen.length})`}
          </button>
          {batch.error ? <span role="alert" className="text-xs text-rose-700">{batch.error}</span> : null}
        </div>
      ) : null}
      {pending.length ? (
        <ul className="space-y-3" aria-label="Pending changes">
          {pending.map((c) => (
            <ChangeCard key={c.id} change={c} canDecide={canDecide} selected={selected.has(c.id)} onSelect={select} onDecided={afterDecision} onShowMessage={onShowMessage} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">Nothing pending.</p>
      )}
      {attention.length ? (
        <section aria-label="Changes that cannot be applied">
          <h3 className="mb-2 text-xs font-medium text-slate-600">Cannot be applied ({attention.length})</h3>
          <ul className="space-y-3">
            {attention.map((c) => (
              <ChangeCard key={c.id} change={c} canDecide={canDecide} canAskAi={canAskAi} selected={false} onDecided={onReload} onShowMessage={onShowMessage} />
            ))}
          </ul>
        </section>
      ) : null}
      {decided.length ? (
        <details className="group">
          <summary className="cursor-pointer select-none text-xs font-medium text-slate-600">Decided ({decided.length})</summary>
          <ul className="mt-2 space-y-3">
            {decided.map((c) => (
              <ChangeCard key={c.id} change={c} canDecide={false} selected={false} onDecided={afterDecision} onShowMessage={onShowMessage} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
