"use client";

import type { ReactNode } from "react";

// The right column (§8.1): the conversation — branch chat, change cards,
// sub-threads and, for owners and arbiters, open flags — as tabs.

export type Tab = "chat" | "changes" | "threads" | "flags";

type Props = {
  tab: Tab;
  onTab: (t: Tab) => void;
  counts: Partial<Record<Tab, number>>;
  changesLabel: string;
  showFlags: boolean;
  children: ReactNode;
};

export function ConversationColumn({ tab, onTab, counts, changesLabel, showFlags, children }: Props) {
  const tabs: { id: Tab; label: string }[] = [
    { id: "chat", label: "Chat" },
    { id: "changes", label: changesLabel },
    { id: "threads", label: "Threads" },
    ...(showFlags ? [{ id: "flags" as Tab, label: "Flags" }] : []),
  ];
  return (
    <aside aria-label="Conversation" className="flex min-h-0 flex-1 flex-col border-slate-200 bg-slate-50 md:border-l">
      <div role="tablist" aria-label="Conversation views" className="flex shrink-0 gap-1 overflow-x-auto border-b border-slate-200 bg-white px-2 pt-2">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="conversation-panel"
            onClick={() => onTab(t.id)}
            className={`-mb-px inline-flex shrink-0 items-center gap-1.5 rounded-t-md border px-3 py-1.5 text-sm ${
              tab === t.id ? "border-slate-200 border-b-white bg-white font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t.label}
            {counts[t.id] ? <span className="rounded-full bg-slate-200 px-1.5 text-[11px] font-medium text-slate-700 tabular-nums">{counts[t.id]}</span> : null}
          </button>
        ))}
      </div>
      <div id="conversation-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="flex min-h-0 flex-1 flex-col overflow-hidden bg-white">
        {children}
      </div>
    </aside>
  );
}
