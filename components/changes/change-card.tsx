"use client";

import { useState } from "react";
import type { Change } from "@/lib/contracts";
import { api, paths } from "@/lib/client/api";
import { BTN, INPUT } from "@/components/rfc/styles";
import { fullTime, timeAgo } from "@/components/chat/format";
import { CardProblem } from "./card-problem";
import { ChangeStatusBadge } from "./status-badge";
import { WordDiffView } from "./word-diff-view";

// One change card (§8.8, §8.9): reason, word diff original → proposed, the
// message that proposed it, status and who decided. Accept / decline /
// edit-before-accept for people with edit rights on the branch. A card that
// cannot be accepted says why on the card (CardProblem), can be dismissed by
// the same people, and — when invalid — sent back to the AI to fix (issue 16).

const DISMISSABLE = new Set(["invalid", "stale", "failed"]);

type Props = {
  change: Change;
  canDecide: boolean;
  /** May ask the AI (and it is configured): offers "Ask the AI to fix" on an invalid card. */
  canAskAi?: boolean;
  selected: boolean;
  onSelect?: (id: string, on: boolean) => void;
  /** After a decision, or a refusal the list should say in words (the card may move out of view). */
  onDecided: (refusal?: string) => void;
  onShowMessage?: (c: Change) => void;
};

export function ChangeCard({ change: c, canDecide, canAskAi = false, selected, onSelect, onDecided, onShowMessage }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.proposed);
  const [busy, setBusy] = useState<null | "accept" | "decline" | "repair">(null);
  const [error, setError] = useState<string | null>(null);
  const pending = c.status === "pending";

  const repairing = busy === "repair" || c.repair?.state === "running";
  const repair = async () => {
    setBusy("repair");
    setError(null);
    const r = await api(`${paths.change(c.id)}/repair`, { method: "POST", json: {} });
    setBusy(null);
    if (!r.ok) setError(r.message);
    onDecided();
  };

  const decide = async (verb: "accept" | "decline", editedText?: string) => {
    setBusy(verb);
    setError(null);
    const r = await api(`${paths.change(c.id)}/${verb}`, { method: "POST", json: editedText !== undefined ? { editedText } : {} });
    setBusy(null);
    if (!r.ok) {
      // §8.11: a stale or already decided change is refused (409) and says why, in words, where it
      // stays in view: the list's notice, since the card itself moves to the decided ones (issue 14).
      const why = r.message.trim() || `The server refused this (${r.status}).`;
      if (r.status === 409) onDecided(`Not ${verb === "accept" ? "applied" : "declined"}: ${why}`);
      else setError(why);
      return;
    }
    setEditing(false);
    onDecided();
  };

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" data-change-id={c.id}>
      <div className="flex items-start gap-2">
        {canDecide && pending && onSelect ? (
          <input type="checkbox" className="mt-1" aria-label="Select for accept" checked={selected} onChange={(e) => onSelect(c.id, e.target.checked)} />
        ) : null}
        <p className="min-w-0 flex-1 text-sm font-medium text-slate-900">{c.reason || <span className="italic text-slate-500">No reason given</span>}</p>
        {c.repaired ? (
          <span className="rounded px-1.5 py-0.5 text-[11px] font-medium text-violet-800 ring-1 ring-inset ring-violet-200" title="The AI's first block did not match the document exactly; it corrected it">
            repaired
          </span>
        ) : null}
        <ChangeStatusBadge status={c.status} />
      </div>
      <div className="mt-2">
        {editing ? (
          <>
            <label className="mb-1 block text-xs text-slate-600" htmlFor={`edit-${c.id}`}>
              Proposed text (edit before accepting)
            </label>
            <textarea id={`edit-${c.id}`} className={INPUT} rows={Math.min(10, text.split("\n").length + 2)} value={text} onChange={(e) => setText(e.target.value)} />
          </>
        ) : (
          <WordDiffView original={c.original} proposed={c.editedText ?? c.proposed} />
        )}
      </div>
      <CardProblem change={c} />
      {error ? <p role="alert" className="mt-2 text-xs text-rose-700">{error}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        {c.messageId && onShowMessage ? (
          <button type="button" className="text-indigo-700 underline hover:text-indigo-900" onClick={() => onShowMessage(c)}>
            Proposing message
          </button>
        ) : null}
        {c.modelId ? <span title="Model that proposed it">{c.modelId}</span> : null}
        {c.decidedBy ? (
          <span>
            {c.status} by {c.decidedBy.name}
            {c.decidedAt ? <time title={fullTime(c.decidedAt)}> · {timeAgo(c.decidedAt)}</time> : null}
          </span>
        ) : null}
        {c.commitSha ? <span className="font-mono">{c.commitSha.slice(0, 8)}</span> : null}
      </div>
      {DISMISSABLE.has(c.status) && (canDecide || canAskAi) ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {c.status === "invalid" && canAskAi ? (
            <button type="button" className={BTN.secondary} disabled={!!busy || repairing} onClick={() => void repair()}>
              {repairing ? "Asking the AI…" : "Ask the AI to fix"}
            </button>
          ) : null}
          {canDecide ? (
            <button type="button" className={BTN.ghost} disabled={!!busy} onClick={() => void decide("decline")}>
              {busy === "decline" ? "Dismissing…" : "Dismiss"}
            </button>
          ) : null}
        </div>
      ) : null}
      {canDecide && pending ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {editing ? (
            <>
              <button type="button" className={BTN.primary} disabled={!!busy || !text.trim()} onClick={() => void decide("accept", text)}>
                {busy === "accept" ? "Accepting…" : "Accept edited"}
              </button>
              <button type="button" className={BTN.ghost} onClick={() => (setEditing(false), setText(c.proposed))}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button type="button" className={BTN.primary} disabled={!!busy} onClick={() => void decide("accept")}>
                {busy === "accept" ? "Accepting…" : "Accept"}
              </button>
              <button type="button" className={BTN.secondary} disabled={!!busy} onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className={BTN.secondary} disabled={!!busy} onClick={() => void decide("decline")}>
                {busy === "decline" ? "Declining…" : "Decline"}
              </button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}
