"use client";

import type { KeyboardEvent, ReactNode } from "react";
import { BTN } from "./styles";

// §8.1 the three columns: ~280 / flexible / 380 px (300 / … / 440 on very
// wide screens). Below ~1100 px the left column folds away and opens as a
// drawer over the page. Below a tablet's width (768 px) there is room for one
// column only: the document, the conversation and the branches become panes
// chosen by a tab bar at the bottom of the screen, where a thumb reaches it.
// The height is the viewport under the 3.5 rem header.

export type Pane = "document" | "conversation" | "branches";

type Props = {
  left: ReactNode;
  center: ReactNode;
  right: ReactNode;
  leftOpen: boolean;
  onCloseLeft: () => void;
  pane: Pane;
  onPane: (p: Pane) => void;
  /** A count shown on the Conversation tab (pending changes), as on the conversation's own tabs. */
  conversationCount?: number;
};

const show = (on: boolean) => (on ? "flex" : "hidden");

export function ViewColumns({ left, center, right, leftOpen, onCloseLeft, pane, onPane, conversationCount }: Props) {
  const leftPhone = pane === "branches" ? "block flex-1" : "hidden";
  const leftTablet = leftOpen ? "md:fixed md:inset-y-0 md:left-0 md:z-40 md:block md:w-[280px] md:shadow-xl" : "md:hidden";
  return (
    <div className="flex h-[calc(100dvh-3.5rem-1px)] flex-col md:grid md:grid-cols-[minmax(0,1fr)_minmax(320px,380px)] cols:grid-cols-[280px_minmax(0,1fr)_380px] 2xl:grid-cols-[300px_minmax(0,1fr)_440px]">
      <div
        id="pane-branches"
        className={`${leftPhone} ${leftTablet} min-h-0 overflow-y-auto bg-white md:border-r md:border-slate-200 cols:static cols:block cols:w-auto cols:shadow-none`}
      >
        {leftOpen ? (
          <button type="button" className={`${BTN.ghost} m-2 hidden md:inline-flex cols:hidden`} onClick={onCloseLeft}>
            ✕ Close
          </button>
        ) : null}
        {left}
      </div>
      {leftOpen ? <div className="fixed inset-0 z-30 hidden bg-slate-900/30 md:block cols:hidden" onClick={onCloseLeft} aria-hidden /> : null}
      {/* From 768 px up the wrappers are display: contents, so the columns are the grid's own items. */}
      <div id="pane-document" className={`${show(pane === "document")} min-h-0 flex-1 flex-col md:contents`}>
        {center}
      </div>
      <div id="pane-conversation" className={`${show(pane === "conversation")} min-h-0 flex-1 flex-col md:contents`}>
        {right}
      </div>
      <PaneTabs pane={pane} onPane={onPane} conversationCount={conversationCount} />
    </div>
  );
}

const PANES: { id: Pane; label: string }[] = [
  { id: "document", label: "Document" },
  { id: "conversation", label: "Conversation" },
  { id: "branches", label: "Branches" },
];

/** The phone's tab bar: a tablist (arrow keys, Home, End move between panes), large enough to touch. */
function PaneTabs({ pane, onPane, conversationCount }: { pane: Pane; onPane: (p: Pane) => void; conversationCount?: number }) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = PANES.findIndex((p) => p.id === pane);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: PANES.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const to = PANES[(next + PANES.length) % PANES.length];
    onPane(to.id);
    document.getElementById(`pane-tab-${to.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="RFC view" onKeyDown={onKey} className="grid shrink-0 grid-cols-3 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden">
      {PANES.map((p) => (
        <button
          key={p.id}
          id={`pane-tab-${p.id}`}
          type="button"
          role="tab"
          aria-selected={pane === p.id}
          aria-controls={`pane-${p.id}`}
          tabIndex={pane === p.id ? 0 : -1}
          onClick={() => onPane(p.id)}
          className={`flex min-h-12 items-center justify-center gap-1.5 border-t-2 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 ${
            pane === p.id ? "border-indigo-600 font-semibold text-indigo-700" : "border-transparent text-slate-600"
          }`}
        >
          {p.label}
          {p.id === "conversation" && conversationCount ? (
            <span className="rounded-full bg-slate-200 px-1.5 text-[11px] font-medium text-slate-700 tabular-nums">{conversationCount}</span>
          ) : null}
        </button>
      ))}
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
