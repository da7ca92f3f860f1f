"use client";

import type { ThreadSummary } from "@/lib/contracts";
import { timeAgo } from "@/components/chat/format";
import { AnchorQuote } from "./anchor-quote";

// §8.12 the branch's sub-threads, each with its passage; opening one shows its messages.

type Props = { threads: ThreadSummary[]; loading: boolean; activeId: string | null; onOpen: (id: string) => void; canComment: boolean };

export function SubThreadList({ threads, loading, activeId, onOpen, canComment }: Props) {
  const subs = threads.filter((t) => t.kind !== "main");
  if (loading && !threads.length) return <p className="p-4 text-sm text-slate-500">Loading threads…</p>;
  if (!subs.length)
    return (
      <p className="p-4 text-sm text-slate-500">
        No comments on passages yet.{" "}
        {canComment ? "Select text in the document and choose “Comment”, or use the comment button beside a paragraph." : null}
      </p>
    );
  return (
    <ul className="space-y-2 p-3">
      {subs.map((t) => (
        <li key={t.id}>
          <button
            type="button"
            onClick={() => onOpen(t.id)}
            aria-current={t.id === activeId ? "true" : undefined}
            className={`block w-full rounded-lg border p-2.5 text-left hover:border-indigo-300 hover:bg-indigo-50/40 ${t.id === activeId ? "border-indigo-400 bg-indigo-50/60" : "border-slate-200 bg-white"}`}
          >
            <AnchorQuote thread={t} />
            <span className="mt-1.5 flex items-center gap-1 text-xs text-slate-500">
              <span className="truncate">
                {[t.kind === "paragraph" ? "Paragraph" : "Passage", `${t.messageCount} message${t.messageCount === 1 ? "" : "s"}`, t.createdBy?.name].filter(Boolean).join(" · ")}
              </span>
              <span className="ml-auto shrink-0">{timeAgo(t.createdAt)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
