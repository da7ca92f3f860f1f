"use client";

import { useState } from "react";
import type { LifecycleMetaPr } from "@/lib/contracts/lifecycle";
import { api } from "@/lib/client/api";
import { BTN } from "@/components/rfc/styles";
import { lifecyclePath } from "./use-lifecycle";

// §13.1 / §9: an entry's open claims and metadata changes, with Merge and
// Close for its owners and admins (POST …/prs/{n}/merge|close, repo "meta":
// an active RFC's own repo numbers its PRs too).

export function MetaPrRow({ slug, pr, canSettle, onSettled }: { slug: string; pr: LifecycleMetaPr; canSettle: boolean; onSettled: () => void }) {
  const [busy, setBusy] = useState<"merge" | "close" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const settle = async (verb: "merge" | "close") => {
    setBusy(verb);
    setError(null);
    const res = await api(`${lifecyclePath(slug)}/prs/${pr.number}/${verb}`, { method: "POST", json: { repo: "meta" } });
    setBusy(null);
    if (res.ok) onSettled();
    else setError(res.message);
  };
  const what = pr.kind === "claim" ? `@${pr.openedBy} claims ownership` : `Metadata change by @${pr.openedBy}`;
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2" data-meta-pr={pr.number}>
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-900">
          <span className="font-medium">{what}</span>{" "}
          <a href={pr.url} target="_blank" rel="noreferrer" className="text-indigo-700 underline underline-offset-2">
            #{pr.number}
          </a>
        </p>
        {pr.kind === "metadata" && pr.summary ? <pre className="mt-1 whitespace-pre-wrap font-sans text-xs text-slate-600">{pr.summary}</pre> : null}
        {!canSettle ? <p className="mt-0.5 text-xs text-slate-500">Waits for an owner or an admin to merge it.</p> : null}
      </div>
      {canSettle ? (
        <div className="flex shrink-0 gap-2">
          <button type="button" className={`${BTN.small} border-emerald-300 text-emerald-800 hover:bg-emerald-50`} disabled={!!busy} onClick={() => void settle("merge")} aria-label={`Merge #${pr.number}: ${what}`}>
            {busy === "merge" ? "Merging…" : "Merge"}
          </button>
          <button type="button" className={BTN.small} disabled={!!busy} onClick={() => void settle("close")} aria-label={`Close #${pr.number}: ${what}`}>
            {busy === "close" ? "Closing…" : "Close"}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
