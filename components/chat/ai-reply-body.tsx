"use client";

import { useMemo } from "react";
import { PROSE_SM } from "@/components/rfc/styles";
import { ChangeStatusBadge } from "@/components/changes/status-badge";
import type { Change, Message } from "@/lib/contracts";
import { renderMarkdown } from "@/lib/rfc-view/markdown-render";
import { Html } from "@/components/ui/html";
import { replySegments, showChangeCard } from "./reply-parts";

// §18 an AI message: its prose, with a card placeholder where each change
// block stood (the full card lives in the Changes tab, §8.8), and a typing
// indicator while it streams. Never the raw protocol tags.

type Props = { message: Message; changes?: Change[] };

function Prose({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return text.trim() ? <Html className={PROSE_SM} html={html} /> : null;
}

export function AiReplyBody({ message: m, changes = [] }: Props) {
  const segments = replySegments(m);
  let number = 0;
  return (
    <div className="space-y-1.5">
      {segments.map((s, i) => {
        if (s.kind === "text") return <Prose key={i} text={s.text} />;
        if (s.kind === "change") {
          number += 1;
          const c = changes.find((x) => x.id === s.changeId);
          return (
            <button
              key={i}
              type="button"
              data-change-placeholder={s.changeId}
              onClick={() => showChangeCard(s.changeId)}
              className="flex w-full items-start gap-2 rounded-md border border-dashed border-violet-300 bg-white px-2 py-1.5 text-left text-xs text-slate-700 hover:border-violet-500 hover:bg-violet-50"
            >
              <span aria-hidden className="font-mono text-violet-600">±</span>
              <span className="line-clamp-2 min-w-0 flex-1">
                Change {number}
                {c?.reason ? `: ${c.reason}` : ""}
              </span>
              {c ? <ChangeStatusBadge status={c.status} /> : null}
              <span className="shrink-0 text-violet-700 underline">View card</span>
            </button>
          );
        }
        return (
          <p key={i} className="rounded-md border border-dashed border-slate-300 px-2 py-1 text-xs italic text-slate-500">
            {s.kind === "malformed" ? `A change block could not be read (${s.reason}); it was left out.` : "A change was cut off when the reply stopped; it was not kept."}
          </p>
        );
      })}
      {m.status === "streaming" ? (
        <p className="flex items-center gap-1 text-xs text-violet-700" aria-label="The AI is writing">
          <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-violet-500 [animation-delay:-0.3s]" />
          <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-violet-500 [animation-delay:-0.15s]" />
          <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-violet-500" />
          <span className="ml-1 italic">writing…</span>
        </p>
      ) : null}
    </div>
  );
}
