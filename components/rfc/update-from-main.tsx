"use client";

import { useState } from "react";
import { api, paths } from "@/lib/client/api";

// §12 "Behind main by N · Update from main": a bot merge of main into the
// branch; conflicts are reported with the files and hunks, never forced.

type Hunk = { ours?: string; theirs?: string };
type Conflict = { message: string; files: { path: string; hunks?: Hunk[] }[] };

export function UpdateFromMain({ slug, branch, behindBy, canUpdate, onUpdated }: { slug: string; branch: string; behindBy: number; canUpdate: boolean; onUpdated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (behindBy <= 0 && !conflict) return null;

  const update = async () => {
    setBusy(true);
    setError(null);
    setConflict(null);
    const r = await api(paths.branch(slug, branch), { method: "PATCH", json: { action: "update_from_main" } });
    setBusy(false);
    if (r.ok) return onUpdated();
    if (r.status === 409) setConflict({ message: r.message, files: ((r.details?.files as Conflict["files"]) ?? []).filter((f) => f && f.path) });
    else setError(r.message);
  };

  return (
    <div className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 lg:px-6">
      <div className="flex flex-wrap items-center gap-2">
        <span>
          Behind main by {behindBy} commit{behindBy === 1 ? "" : "s"}
        </span>
        {canUpdate ? (
          <>
            <span aria-hidden>·</span>
            <button type="button" className="font-medium text-amber-900 underline hover:text-amber-700 disabled:opacity-50" disabled={busy} onClick={() => void update()}>
              {busy ? "Updating…" : "Update from main"}
            </button>
          </>
        ) : null}
        {error ? <span role="alert" className="text-rose-700">{error}</span> : null}
      </div>
      {conflict ? (
        <div role="alert" className="mt-2 border-t border-amber-200 pt-2">
          <p className="font-medium">Not updated: {conflict.message}</p>
          {conflict.files.map((f) => (
            <details key={f.path} className="mt-1">
              <summary className="cursor-pointer font-mono text-xs">
                {f.path} — {f.hunks?.length ?? 0} conflicting part{f.hunks?.length === 1 ? "" : "s"}
              </summary>
              {(f.hunks ?? []).map((h, i) => (
                <div key={i} className="mt-1 grid grid-cols-2 gap-2 text-xs">
                  <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-white p-2 ring-1 ring-amber-200">
                    <span className="block font-sans font-semibold">This branch</span>
                    {h.ours}
                  </pre>
                  <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-white p-2 ring-1 ring-amber-200">
                    <span className="block font-sans font-semibold">Main</span>
                    {h.theirs}
                  </pre>
                </div>
              ))}
            </details>
          ))}
          <p className="mt-1 text-xs">Edit those passages on this branch so they agree with main, then update again.</p>
        </div>
      ) : null}
    </div>
  );
}
