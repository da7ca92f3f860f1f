"use client";

import { useEffect, useRef } from "react";
import type { GraduationSnapshot } from "@/lib/graduation/types";

// What a finished graduation means for the person who ran it (§13.3, §13.5).

export function GraduationOutcome({ snapshot, onRetry }: { snapshot: GraduationSnapshot; onRetry: () => void }) {
  // The outcome takes the focus, so keyboard and screen-reader users land on it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const failedStep = snapshot.steps.find((s) => s.kind === "forward" && s.status === "failed");
  if (snapshot.status === "succeeded") {
    const refreshFailed = failedStep?.key === "refresh_cache";
    return (
      <div ref={box} tabIndex={-1} role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        <p className="font-medium">
          {snapshot.rfcId} is active. Its text now lives in {snapshot.repo}.
        </p>
        {refreshFailed && <p className="mt-1 text-xs">The catalog will show it after the next refresh.</p>}
        {/* A full load, not a client navigation: the RFC view behind the dialog still renders the super-draft. */}
        <a href={`/rfcs/${encodeURIComponent(snapshot.slug)}`} className="mt-2 inline-block font-medium text-emerald-800 underline underline-offset-2">
          Open the active RFC
        </a>
      </div>
    );
  }
  if (snapshot.status === "running") return null;
  const cleanupFailed = snapshot.status === "rollback_failed";
  return (
    <div ref={box} tabIndex={-1} role="alert" className={`rounded-md border px-3 py-2 text-sm ${cleanupFailed ? "border-red-300 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
      <p className="font-medium">
        {snapshot.status === "interrupted"
          ? "The graduation stopped when the server restarted."
          : `Graduation failed${failedStep ? ` at “${failedStep.label}”` : ""}.`}
      </p>
      <p className="mt-1 text-xs">
        {cleanupFailed
          ? "Some of what it changed could not be undone (see the failed undo steps): ask an admin to check Gitea before trying again."
          : "Everything it changed in Gitea was undone; the RFC is still a super-draft."}
      </p>
      <button type="button" onClick={onRetry} className="mt-2 rounded border border-current px-2 py-1 text-xs font-medium hover:bg-white/60">
        Try again
      </button>
    </div>
  );
}
