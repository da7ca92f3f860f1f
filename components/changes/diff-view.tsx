"use client";

import { useEffect, useMemo, useRef } from "react";
import { diffDocuments } from "@/lib/rfc-view/diff-blocks";
import { paths } from "@/lib/client/api";
import { PROSE } from "@/components/rfc/styles";
import { useResource } from "@/components/rfc/use-resource";
import { Html } from "@/components/ui/html";

// §8.10 DiffView: the branch against main, rendered; added and removed blocks
// marked in the margin, word-level marks inside changed blocks.

const KIND: Record<string, string> = {
  same: "border-l-4 border-transparent",
  added: "border-l-4 border-emerald-400 bg-emerald-50/60",
  removed: "border-l-4 border-rose-400 bg-rose-50/60 text-slate-500 line-through decoration-rose-300",
  changed: "border-l-4 border-amber-400 bg-amber-50/40",
};
const LABEL: Record<string, string | null> = { same: null, added: "Added", removed: "Removed", changed: "Changed" };

export function DiffView({ slug, branch, refreshKey }: { slug: string; branch: string; refreshKey: string }) {
  // refreshKey (the branch head) is part of the URL so a new commit loads a new diff.
  const r = useResource<{ base: string; head: string }>(`${paths.branch(slug, branch)}/diff?at=${encodeURIComponent(refreshKey)}`);
  const diff = useMemo(() => (r.data ? diffDocuments(r.data.base, r.data.head) : null), [r.data]);
  const box = useRef<HTMLElement>(null);
  // Bring the first difference into view: in a long RFC it may be far down.
  useEffect(() => {
    box.current?.querySelector('[data-diff]:not([data-diff="same"])')?.scrollIntoView({ block: "center" });
  }, [diff]);

  if (!diff)
    return r.error ? (
      <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800">
        The diff could not be loaded: {r.error}{" "}
        <button type="button" className="underline" onClick={() => void r.reload()}>
          Retry
        </button>
      </div>
    ) : (
      <div className="space-y-3" aria-busy="true" aria-label="Loading the diff">
        {[80, 95, 60, 90].map((w, i) => (
          <div key={i} className="h-4 animate-pulse rounded bg-slate-200" style={{ width: `${w}%` }} />
        ))}
      </div>
    );
  const { summary } = diff;
  const none = !summary.added && !summary.removed && !summary.changed;
  return (
    <div>
      <p className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
        <span className="font-semibold">{branch} compared with main</span>
        {none ? (
          <span>No differences.</span>
        ) : (
          <>
            <span className="text-emerald-700">{summary.added} added</span>
            <span className="text-rose-700">{summary.removed} removed</span>
            <span className="text-amber-700">{summary.changed} changed</span>
          </>
        )}
      </p>
      <article ref={box} className={PROSE} aria-label="Differences with main">
        {diff.blocks.map((b, i) => (
          <div key={i} className={`relative -ml-4 pl-4 pr-2 ${KIND[b.kind]}`} data-diff={b.kind}>
            {LABEL[b.kind] ? <span className="sr-only">{LABEL[b.kind]}: </span> : null}
            <Html html={b.html} />
          </div>
        ))}
      </article>
    </div>
  );
}
