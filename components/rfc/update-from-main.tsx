"use client";

import { useState } from "react";
import { api, paths, type ApiError } from "@/lib/client/api";
import type { MergeConflictDetails } from "@/lib/contracts";
import { ResolveMergeDialog } from "./resolve-merge";

// §12 "Behind main by N · Update from main": a bot merge of main into the
// branch. Edits of different blocks merge on their own; where both sides
// changed one passage the resolution view opens, and what the person
// chooses is committed as the merge. Other conflicts (another file) are
// reported with their hunks, never forced.

type Resolve = MergeConflictDetails["resolve"];

type Hunk = { ours?: string; theirs?: string };
type Conflict = { message: string; files: { path: string; hunks?: Hunk[] }[] };

export function UpdateFromMain({ slug, branch, behindBy, canUpdate, onUpdated }: { slug: string; branch: string; behindBy: number; canUpdate: boolean; onUpdated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resolving, setResolving] = useState<{ resolve: Resolve; message: string | null } | null>(null);
  if (behindBy <= 0 && !conflict && !resolving) return null;

  const refused = (r: ApiError) => {
    const resolve = (r.details as Partial<MergeConflictDetails> | undefined)?.resolve;
    if (r.status === 409 && resolve) return setResolving({ resolve, message: resolving ? r.message : null });
    // Any other failure while resolving keeps the dialog and what was chosen in it.
    if (resolving && r.status !== 409) return setError(r.message);
    setResolving(null);
    if (r.status === 409) setConflict({ message: r.message, files: ((r.details?.files as Conflict["files"]) ?? []).filter((f) => f && f.path) });
    else setError(r.message);
  };
  const update = async (resolution?: { mainSha: string; headSha: string; text: string }) => {
    setBusy(true);
    setError(null);
    setConflict(null);
    const r = await api(paths.branch(slug, branch), { method: "PATCH", json: { action: "update_from_main", ...(resolution ? { resolution } : {}) } });
    setBusy(false);
    if (!r.ok) return refused(r);
    setResolving(null);
    onUpdated();
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
      {resolving ? (
        <ResolveMergeDialog
          // A fresh 409 (the heads moved) starts the choices again.
          key={`${resolving.resolve.mainSha}:${resolving.resolve.headSha}`}
          title={`Update ${branch} from main`}
          labels={{ mine: "This branch", theirs: "Main" }}
          segments={resolving.resolve.segments}
          commitLabel="Commit the merge"
          busy={busy}
          error={resolving.message ?? error}
          onClose={() => setResolving(null)}
          onCommit={(text) => void update({ mainSha: resolving.resolve.mainSha, headSha: resolving.resolve.headSha, text })}
        />
      ) : null}
    </div>
  );
}
