"use client";

import type { ReactNode } from "react";
import { BTN } from "./styles";

// §8.1 the three columns: ~280 / flexible / 380 px (300 / … / 440 on very
// wide screens). Below ~1100 px the left column folds away and opens as a
// drawer over the page. The height is the viewport under the 3.5 rem header.

type Props = { left: ReactNode; center: ReactNode; right: ReactNode; leftOpen: boolean; onCloseLeft: () => void };

export function ViewColumns({ left, center, right, leftOpen, onCloseLeft }: Props) {
  return (
    <div className="grid h-[calc(100dvh-3.5rem-1px)] grid-cols-[minmax(0,1fr)_minmax(320px,380px)] min-[1100px]:grid-cols-[280px_minmax(0,1fr)_380px] 2xl:grid-cols-[300px_minmax(0,1fr)_440px]">
      <div
        className={`${leftOpen ? "fixed inset-y-0 left-0 z-40 w-[280px] shadow-xl" : "hidden"} min-h-0 overflow-y-auto border-r border-slate-200 bg-white min-[1100px]:static min-[1100px]:block min-[1100px]:w-auto min-[1100px]:shadow-none`}
      >
        {leftOpen ? (
          <button type="button" className={`${BTN.ghost} m-2 min-[1100px]:hidden`} onClick={onCloseLeft}>
            ✕ Close
          </button>
        ) : null}
        {left}
      </div>
      {leftOpen ? <div className="fixed inset-0 z-30 bg-slate-900/30 min-[1100px]:hidden" onClick={onCloseLeft} aria-hidden /> : null}
      {center}
      {right}
    </div>
  );
}

export function DocumentSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the document">
      <div className="h-7 w-1/2 animate-pulse rounded bg-slate-200" />
      {[92, 85, 97, 60, 88, 75].map((w, i) => (
        <div key={i} className="h-4 animate-pulse rounded bg-slate-200" style={{ width: `${w}%` }} />
      ))}
    </div>
  );
}
